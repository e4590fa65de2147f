import Decimal from "decimal.js";
import { z } from "zod";
import { moneyAmount, requiredText, uuid } from "./amounts.ts";

/** Inputs of the inventory RPCs (房源 / 销控) and the price-list rows (价目表). */

export const UNIT_STATUSES = ["available", "held", "subscribed", "signed", "withheld"] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  available: "可售",
  held: "预留",
  subscribed: "已认购",
  signed: "已签约",
  withheld: "销控",
};

export const holdUnitInput = z.object({ p_unit_id: uuid("房源"), p_customer_id: uuid("客户") });
export const releaseUnitInput = z.object({ p_unit_id: uuid("房源") });
export const withholdUnitInput = z.object({ p_unit_id: uuid("房源"), p_reason: requiredText("销控原因") });
export const unwithholdUnitInput = z.object({ p_unit_id: uuid("房源") });

/** |unit_price × building_area − list_price| may be at most this many yuan (as in the database). */
export const PRICE_TOLERANCE_YUAN = 1;

const AREA = /^\d{1,6}(\.\d{1,2})?$/;
const area = (label: string) =>
  z
    .union([z.string(), z.number()], { error: `请填写${label}` })
    .transform((v) => String(v).trim().replace(/[,，\s]/g, "").replace(/(㎡|m²|平米|平方米)$/, ""))
    .refine((s) => AREA.test(s), { error: `${label}须为数字，最多两位小数` })
    .refine((s) => /[1-9]/.test(s), { error: `${label}必须大于零` });

const count = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}须为整数` })
    .int({ error: `${label}须为整数` })
    .min(min, { error: `${label}不能小于${min}` })
    .max(max, { error: `${label}不能大于${max}` });

/** One row of a price list as it comes from a spreadsheet (numbers may be text). */
export const priceListRow = z
  .object({
    building_code: z.coerce.string().trim().min(1, { error: "请填写楼栋" }),
    floor: count("楼层", 1, 200),
    number: z.coerce.string().trim().min(1, { error: "请填写房号" }),
    rooms: count("室", 0, 20),
    halls: count("厅", 0, 20),
    baths: count("卫", 0, 20),
    building_area: area("建筑面积"),
    inner_area: area("套内面积").nullable().optional(),
    orientation: z.string().trim().max(20).nullable().optional(),
    unit_price: moneyAmount("单价"),
    list_price: moneyAmount("总价"),
  })
  .superRefine((row, ctx) => {
    if (row.inner_area && new Decimal(row.inner_area).gt(row.building_area)) {
      ctx.addIssue({ code: "custom", path: ["inner_area"], message: "套内面积大于建筑面积" });
    }
    const computed = new Decimal(row.unit_price).times(row.building_area).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (computed.minus(row.list_price).abs().gt(PRICE_TOLERANCE_YUAN)) {
      ctx.addIssue({
        code: "custom",
        path: ["list_price"],
        message: `总价 ${row.list_price} 与 单价 × 面积 = ${computed.toFixed(2)} 不符（允许误差 ${PRICE_TOLERANCE_YUAN} 元）`,
      });
    }
  });
export type PriceListRow = z.infer<typeof priceListRow>;

export const importPriceListInput = z.object({
  p_project_id: uuid("项目"),
  p_rows: z
    .array(priceListRow)
    .min(1, { error: "价目表为空" })
    .max(5000, { error: "价目表一次最多导入 5000 行" })
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        const key = `${row.building_code}/${row.number}`;
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "number"], message: `房号 ${row.building_code}-${row.number} 在文件中重复` });
        seen.add(key);
      });
    }),
});

/** Row error codes import_price_list returns in { ok: false, errors: [{ row, field, code, message }] }. */
export const PRICE_LIST_ERROR_CODES = [
  "invalid_row", "missing_field", "unknown_building", "duplicate_unit", "not_a_number", "not_an_integer",
  "not_positive", "out_of_range", "inner_area_too_large", "price_mismatch",
] as const;
export interface PriceListRowError {
  row: number;
  field: string | null;
  code: (typeof PRICE_LIST_ERROR_CODES)[number];
  message: string;
}
