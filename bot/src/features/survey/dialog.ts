import { parseSurveyText, surveyHasPrice, type SurveyDraft } from "@so/shared/survey-text";
import { confirmKeyboard } from "../../keyboards/dialog.ts";
import { askUntil } from "../common/ask.ts";
import { todayIn } from "../common/clock.ts";
import { call, dialogLocale, finishMessage, waitTap, type Dialog, type DialogCtx } from "../common/dialog.ts";
import { refusalText } from "../common/rpc.ts";
import { surveyCard } from "./card.ts";

export interface SurveyInput {
  projectId: string;
  draft: SurveyDraft;
}

/** 可比楼盘: which project, prices/offers (asked when missing) → card → 确认 → save_market_survey. */
export async function surveyDialog(conversation: Dialog, ctx: DialogCtx, input: SurveyInput): Promise<void> {
  const { locale, t } = await dialogLocale(conversation);
  let draft = input.draft;
  let current = ctx;
  if (!draft.competitor) {
    const r = await askUntil(conversation, current, t, t("survey.askCompetitor"), (a) => {
      if (a.kind !== "text" || !a.text) return undefined;
      const read = parseSurveyText(a.text, draft);
      // a name with digits (7号院) is still the name when it is all that was sent
      return read.competitor ? read : { ...read, competitor: a.text.split(/\s+/)[0] };
    });
    ({ value: draft, ctx: current } = r);
  }
  if (!surveyHasPrice(draft)) ({ value: draft, ctx: current } = await askPrice(conversation, current, draft, "survey.askPrice"));
  const day = await conversation.external(() => todayIn());

  for (;;) {
    const card = await current.reply(surveyCard(t, locale, draft, day), { reply_markup: confirmKeyboard(t) });
    const tap = await waitTap(conversation, t, card.message_id);
    current = tap.ctx;
    if (tap.action === "ok") {
      const result = await call(conversation, "save_market_survey", {
        p_project_id: input.projectId, p_competitor: draft.competitor, p_survey_date: day, p_avg_price: draft.avgPrice,
        p_price_min: draft.priceMin, p_price_max: draft.priceMax, p_offers: draft.offers, p_monthly_sales: draft.monthlySales,
        p_sales_pace: draft.salesPace, p_product_notes: draft.productNotes, p_source: "visit",
      });
      if (!result.ok) {
        await current.editMessageReplyMarkup().catch(() => {});
        return void (await current.reply(refusalText(result, locale)));
      }
      await finishMessage(current, t("dialog.saved"));
      return void (await current.reply(t("survey.saved", { name: draft.competitor ?? "" })));
    }
    if (tap.action !== "edit") continue;
    await current.editMessageReplyMarkup().catch(() => {});
    ({ value: draft, ctx: current } = await askPrice(conversation, current, draft, "survey.askChange"));
  }
}

/** Asks for prices and offers (or a change) until something about the price is there. */
function askPrice(conversation: Dialog, ctx: DialogCtx, draft: SurveyDraft, question: "survey.askPrice" | "survey.askChange") {
  return dialogLocale(conversation).then(({ t }) =>
    askUntil(conversation, ctx, t, t(question), async (a) => {
      if (a.kind !== "text" || !a.text) return undefined;
      // the name is known: every word of the answer is about the price, offers or product
      const read = parseSurveyText(a.text, { ...draft, competitor: draft.competitor ?? "" });
      const next = { ...read, competitor: draft.competitor };
      if (surveyHasPrice(next)) return next;
      await a.ctx.reply(t("survey.noPrice"));
      return undefined;
    }),
  );
}
