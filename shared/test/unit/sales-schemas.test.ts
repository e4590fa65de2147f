import { describe, expect, it } from "vitest";
import { confirmVisitInput, cooperationInput, submitReportInput } from "../../src/schemas/channel.ts";
import { customerSearchKind, registerCustomerInput, updateCustomerInput } from "../../src/schemas/customers.ts";
import { holdUnitInput, importPriceListInput } from "../../src/schemas/inventory.ts";
import { logFollowUpInput, recordCallInput, updateComplaintInput } from "../../src/schemas/reception.ts";

const U = "00000000-0000-4000-8000-000000000001";
const row = (over: Record<string, unknown> = {}) => ({
  building_code: "1", floor: "12", number: "1201", rooms: 3, halls: 2, baths: 2,
  building_area: "118.36㎡", inner_area: 92.1, unit_price: "31,250.50", list_price: "3698809.18", ...over,
});

describe("inventory schemas", () => {
  it("hold needs a unit and a customer", () => {
    expect(holdUnitInput.safeParse({ p_unit_id: U, p_customer_id: U }).success).toBe(true);
    expect(holdUnitInput.safeParse({ p_unit_id: "x", p_customer_id: U }).error!.issues[0].message).toBe("房源无效");
  });

  it("price-list rows take spreadsheet text and check the total against unit price × area", () => {
    const ok = importPriceListInput.parse({ p_project_id: U, p_rows: [row()] });
    expect(ok.p_rows[0]).toMatchObject({ floor: 12, building_area: "118.36", unit_price: "31250.50", list_price: "3698809.18" });
    expect(importPriceListInput.safeParse({ p_project_id: U, p_rows: [row({ list_price: "3698810.17" })] }).success).toBe(true);
    const off = importPriceListInput.safeParse({ p_project_id: U, p_rows: [row({ list_price: "3698810.19" })] });
    expect(off.error!.issues[0].message).toContain("不符");
    const dup = importPriceListInput.safeParse({ p_project_id: U, p_rows: [row(), row()] });
    expect(dup.error!.issues[0]).toMatchObject({ path: ["p_rows", 1, "number"] });
    expect(importPriceListInput.safeParse({ p_project_id: U, p_rows: [] }).error!.issues[0].message).toBe("价目表为空");
  });
});

describe("customer schemas", () => {
  it("normalise the mobile like the database", () => {
    const r = registerCustomerInput.parse({ p_project_id: U, p_name: " 张伟 ", p_phone: "+86 138-0013-8000", p_source: "walk_in" });
    expect(r).toMatchObject({ p_name: "张伟", p_phone: "13800138000" });
    expect(registerCustomerInput.safeParse({ p_project_id: U, p_name: "张", p_phone: "12800138000", p_source: "walk_in" }).error!.issues[0].message)
      .toContain("手机号格式不正确");
    expect(registerCustomerInput.safeParse({ p_project_id: U, p_name: "张", p_phone: "13800138000", p_source: "walk_in", p_area_min: 140, p_area_max: 90 }).success).toBe(false);
  });

  it("never patch phone, owner or status", () => {
    expect(updateCustomerInput.safeParse({ p_customer_id: U, p_patch: { grade: "A", note: "高楼层" } }).success).toBe(true);
    const bad = updateCustomerInput.safeParse({ p_customer_id: U, p_patch: { phone: "13800138000" } });
    expect(bad.error!.issues[0].message).toBe("只能修改姓名、性别、意向等级、需求和备注");
    expect(updateCustomerInput.safeParse({ p_customer_id: U, p_patch: {} }).success).toBe(false);
  });

  it("read a search box the way search_customers does", () => {
    expect(customerSearchKind("5678")).toBe("tail");
    expect(customerSearchKind("+86 138 0013 8000")).toBe("phone");
    expect(customerSearchKind("138001")).toBe("phone_prefix");
    expect(customerSearchKind("王芳")).toBe("name");
  });
});

describe("channel schemas", () => {
  it("take a full or masked phone in a report; the visit needs the full one", () => {
    const base = { p_project_id: U, p_customer_name: "李四", p_expected_visit: "2026-11-24T14:00:00+08:00" };
    expect(submitReportInput.parse({ ...base, p_customer_phone: "138 xxxx 5678" }).p_customer_phone).toBe("138****5678");
    expect(submitReportInput.parse({ ...base, p_customer_phone: "13812345678" }).p_customer_phone).toBe("13812345678");
    expect(submitReportInput.safeParse({ ...base, p_customer_phone: "138**5678" }).success).toBe(false);
    expect(confirmVisitInput.safeParse({ p_report_id: U, p_full_phone: "138****5678" }).success).toBe(false);
  });

  it("keep a percentage commission at or below 100% and dates in order", () => {
    const coop = { agency_id: U, project_id: U, commission_type: "percent", commission_value: "1.5", valid_from: "2026-01-01" };
    expect(cooperationInput.parse(coop).commission_value).toBe(1.5);
    expect(cooperationInput.safeParse({ ...coop, commission_value: 120 }).success).toBe(false);
    expect(cooperationInput.safeParse({ ...coop, valid_to: "2025-12-31" }).success).toBe(false);
  });
});

describe("reception schemas", () => {
  it("check calls, follow-ups and complaints", () => {
    expect(recordCallInput.parse({ p_project_id: U, p_phone: "", p_topics: ["price"] })).toMatchObject({ p_phone: null, p_invited: false });
    expect(recordCallInput.safeParse({ p_project_id: U, p_topics: ["weather"] }).success).toBe(false);
    expect(logFollowUpInput.safeParse({ p_customer_id: U, p_method: "fax", p_content: "x" }).success).toBe(false);
    expect(logFollowUpInput.parse({ p_customer_id: U, p_method: "wechat", p_content: " 发了户型图 ", p_objections: "" }))
      .toMatchObject({ p_content: "发了户型图", p_objections: null });
    expect(updateComplaintInput.safeParse({ p_complaint_id: U, p_status: "resolved" }).error!.issues[0].message).toBe("请填写处理结果");
  });
});
