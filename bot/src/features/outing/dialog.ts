import { confirmKeyboard } from "../../keyboards/dialog.ts";
import { askUntil } from "../common/ask.ts";
import { formatDateTime } from "../common/clock.ts";
import { pickCustomer } from "../common/customers.ts";
import { call, dialogLocale, finishMessage, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";
import { outingCard } from "./card.ts";

export interface OutingInput {
  projectId: string;
  customerQuery: string | null;
  destination: string | null;
}

interface Reported {
  customer_name: string;
  expected_back_at: string;
}

/** 外出带看: which customer (one of mine), where → card → 确认 → report_outing (leaving now). */
export async function outingDialog(conversation: Dialog, ctx: DialogCtx, input: OutingInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const picked = await pickCustomer(conversation, ctx, t, { projectId: input.projectId, prompt: t("outing.askCustomer"), query: input.customerQuery });
  let current = picked.ctx;
  let destination = input.destination?.trim() || null;
  if (!destination) ({ value: destination, ctx: current } = await askDestination(conversation, current));

  for (;;) {
    const now = await conversation.external(() => new Date().toISOString());
    const card = await current.reply(outingCard(t, locale, { customerName: picked.customer.name, destination, now }), {
      reply_markup: confirmKeyboard(t),
    });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "ok") {
      const result = await call<Reported>(conversation, "report_outing", { p_customer_id: picked.customer.id, p_destination: destination });
      if (!result.ok) {
        await current.editMessageReplyMarkup().catch(() => {});
        return void (await current.reply(refusalText(result, locale)));
      }
      await finishMessage(current, t("dialog.saved"));
      return void (await current.reply(t("outing.saved", { name: result.data.customer_name, back: formatDateTime(result.data.expected_back_at, locale) })));
    }
    if (tap.action !== "edit") continue;
    await current.editMessageReplyMarkup().catch(() => {});
    ({ value: destination, ctx: current } = await askDestination(conversation, current));
  }
}

function askDestination(conversation: Dialog, ctx: DialogCtx) {
  return dialogLocale(conversation).then(({ t }) =>
    askUntil(conversation, ctx, t, t("outing.askDestination"), (a) => (a.kind === "text" && a.text.trim() ? a.text.trim().slice(0, 100) : undefined)),
  );
}
