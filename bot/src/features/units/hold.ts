import { formatClock } from "../common/clock.ts";
import { pickCustomer } from "../common/customers.ts";
import { call, dialogLocale, rememberCustomer, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";

export interface HoldInput {
  projectId: string;
  unitId: string;
  label: string;
}

interface Held {
  hold_expires_at: string;
}

/** 锁定: pick one of the person's customers, then hold_unit decides (the unit may be gone by now). */
export async function holdDialog(conversation: Dialog, ctx: DialogCtx, input: HoldInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  const picked = await pickCustomer(conversation, ctx, t, {
    projectId: input.projectId,
    prompt: t("hold.ask", { unit: input.label }),
    query: null,
  });
  const result = await call<Held>(conversation, "hold_unit", { p_unit_id: input.unitId, p_customer_id: picked.customer.id });
  if (!result.ok) return void (await picked.ctx.reply(refusalText(result, locale)));
  await rememberCustomer(conversation, picked.customer);
  await picked.ctx.reply(
    t("hold.done", { unit: input.label, customer: picked.customer.name, until: formatClock(result.data.hold_expires_at) }),
  );
}
