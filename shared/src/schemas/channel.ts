import { z } from "zod";
import { normalizeMaskedMobile, normalizeMobile } from "../phone.ts";

/** The broker's phone: a full mobile, or masked in the middle (138****5678). */
export const reportPhone = z.string({ error: "请填写客户手机号" }).transform((s, ctx) => {
  const value = normalizeMobile(s) ?? normalizeMaskedMobile(s);
  if (value === null) {
    ctx.addIssue({ code: "custom", message: "请填写11位手机号，或隐藏中间四位如 138****5678" });
    return z.NEVER;
  }
  return value;
});
