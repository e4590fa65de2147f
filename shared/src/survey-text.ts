import Decimal from "decimal.js";
import { moneyText } from "./money.ts";

/**
 * A 可比楼盘 note as a consultant types it on the move, read into the fields of
 * save_market_survey: `滨江春语江南 均价3.85万 3.6万-4.2万 97折首付分期 月销45套 二期去化七成 89–143㎡精装`.
 * Prices are per m² in yuan, as strings; 万 multiplies by 10,000. What is not a price, an
 * offer, a pace or the name goes to the product notes. The database checks the result.
 */
export interface SurveyDraft {
  competitor: string | null;
  avgPrice: string | null;
  priceMin: string | null;
  priceMax: string | null;
  offers: string | null;
  monthlySales: number | null;
  salesPace: string | null;
  productNotes: string | null;
}

export const emptySurvey = (): SurveyDraft => ({
  competitor: null, avgPrice: null, priceMin: null, priceMax: null, offers: null, monthlySales: null, salesPace: null, productNotes: null,
});

const NUMBER = String.raw`(\d+(?:\.\d+)?)\s*(万)?`;
const yuan = (n: string, wan: string | undefined) => moneyText(new Decimal(n).times(wan ? 10000 : 1));

const AVG = new RegExp(String.raw`^(?:均价|均|单价)[:：]?\s*${NUMBER}(?:元)?(?:/㎡|/平|每平(?:米)?)?$`);
const RANGE = new RegExp(String.raw`^(?:价格|单价|区间)?[:：]?\s*${NUMBER}\s*[-–—~～至到]\s*${NUMBER}(?:元)?(?:/㎡|/平|每平(?:米)?)?$`);
const SALES = /^(?:月销|月成交|每月卖|月均成交)[:：]?\s*(\d+)\s*套?$/;
const OFFER = /折|优惠|送|赠|奖|减|抵|特价|首付|分期|团购|返|免/;
const PACE = /去化|售罄|清盘|剩余|剩|加推|卖得/;

const join = (a: string | null, b: string) => (a ? `${a}，${b}` : b);

/** Reads the note; `base` is what an earlier message gave (an answer adds to it, a field given again replaces it). */
export function parseSurveyText(text: string, base: SurveyDraft = emptySurvey()): SurveyDraft {
  const draft: SurveyDraft = { ...base };
  const tokens = text
    .replace(/^(?:可比楼盘|踩盘|竞品)[:：]?\s*/, "")
    .split(/[\s,，;；、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  let offers: string | null = null;
  let pace: string | null = null;
  let notes: string | null = null;
  for (const token of tokens) {
    let m: RegExpExecArray | null;
    if ((m = AVG.exec(token))) draft.avgPrice = yuan(m[1], m[2]);
    else if ((m = RANGE.exec(token))) {
      // 3.6-4.2万: the 万 written once applies to both ends
      draft.priceMin = yuan(m[1], m[2] ?? m[4]);
      draft.priceMax = yuan(m[3], m[4]);
    } else if ((m = SALES.exec(token))) draft.monthlySales = Number(m[1]);
    else if (OFFER.test(token)) offers = join(offers, token);
    else if (PACE.test(token)) pace = join(pace, token);
    else if (!draft.competitor && !/\d/.test(token)) draft.competitor = token;
    else notes = join(notes, token);
  }
  if (offers) draft.offers = offers;
  if (pace) draft.salesPace = pace;
  if (notes) draft.productNotes = notes;
  return draft;
}

/** Nothing about price yet: the database asks for 均价, a range or the offers. */
export const surveyHasPrice = (d: SurveyDraft) => Boolean(d.avgPrice || d.priceMin || d.priceMax || d.offers);
