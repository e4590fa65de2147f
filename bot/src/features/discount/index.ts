import { createConversation } from "@grammyjs/conversations";
import { Composer } from "grammy";
import { isBound, type BotContext } from "../../context.ts";
import { onIntent } from "../common/intent.ts";
import { discountDialog } from "./dialog.ts";
import { startDiscount } from "./start.ts";

/** 申请特殊优惠: `1203 王五 申请97折`, `3-1203 降到285万`, `/discount`, or 申请优惠 on a unit's card. */
export const discountFeature = new Composer<BotContext>();
const bound = discountFeature.filter(isBound);
export const discountDialogs = createConversation(discountDialog, "discount");

bound.command("discount", (ctx) => startDiscount(ctx, {}));
bound.use(
  onIntent("request_discount", (ctx, { request: r }) =>
    startDiscount(ctx, {
      unitText: r.unit,
      customerQuery: r.customer_name ?? r.customer_phone,
      rate: r.discount_rate,
      targetWan: r.target_price_wan,
      reason: r.reason,
      method: r.payment_method ?? null,
    }),
  ),
);
