import { describe, expect, it } from "vitest";
import { reportPhone } from "../../src/schemas/channel.ts";
import { customerSearchKind, registerCustomerInput } from "../../src/schemas/customers.ts";
import { logFollowUpInput, recordCallInput, updateComplaintInput } from "../../src/schemas/reception.ts";

const U = "00000000-0000-4000-8000-000000000001";
describe("customer schemas", () => {
  it("normalise the mobile like the database", () => {
    const r = registerCustomerInput.parse({ p_name: " 张伟 ", p_phone: "+86 138-0013-8000", p_source: "walk_in" });
    expect(r).toMatchObject({ p_name: "张伟", p_phone: "13800138000" });
    expect(registerCustomerInput.safeParse({ p_name: "张", p_phone: "12800138000", p_source: "walk_in" }).error!.issues[0].message)
      .toContain("手机号格式不正确");
    expect(registerCustomerInput.safeParse({ p_name: "张", p_phone: "13800138000", p_source: "walk_in", p_area_min: 140, p_area_max: 90 }).success).toBe(false);
  });


  it("read a search box the way search_customers does", () => {
    expect(customerSearchKind("5678")).toBe("tail");
    expect(customerSearchKind("+86 138 0013 8000")).toBe("phone");
    expect(customerSearchKind("138001")).toBe("phone_prefix");
    expect(customerSearchKind("王芳")).toBe("name");
  });
});

describe("channel schemas", () => {
  it("take a full or masked phone in a report", () => {
    expect(reportPhone.parse("138 xxxx 5678")).toBe("138****5678");
    expect(reportPhone.parse("13812345678")).toBe("13812345678");
    expect(reportPhone.safeParse("138**5678").success).toBe(false);
  });
});

describe("reception schemas", () => {
  it("check calls, follow-ups and complaints", () => {
    expect(recordCallInput.parse({ p_phone: "", p_topics: ["price"] })).toMatchObject({ p_phone: null, p_invited: false });
    expect(recordCallInput.safeParse({ p_topics: ["weather"] }).success).toBe(false);
    expect(logFollowUpInput.safeParse({ p_customer_id: U, p_method: "fax", p_content: "x" }).success).toBe(false);
    expect(logFollowUpInput.parse({ p_customer_id: U, p_method: "wechat", p_content: " 发了户型图 ", p_objections: "" }))
      .toMatchObject({ p_content: "发了户型图", p_objections: null });
    expect(updateComplaintInput.safeParse({ p_complaint_id: U, p_status: "resolved" }).error!.issues[0].message).toBe("请填写处理结果");
  });
});
