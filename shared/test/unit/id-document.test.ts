import { describe, expect, it } from "vitest";
import { registerCustomerWithIdInput } from "../../src/schemas/customers.ts";

const base = { p_name: "魏先生", p_phone: "138 0013 8000", p_source: "walk_in" };
/** What registration says about the number, on its field; null when it is accepted. */
const idNumberIssue = (type: string, no: string) => {
  const r = registerCustomerWithIdInput.safeParse({ ...base, p_id_type: type, p_id_no: no });
  return r.success ? null : r.error.issues.find((i) => i.path.join(".") === "p_id_no")?.message ?? "other";
};

/** 证件 at registration: the same rules as private.check_id_document, so the form says what the database would. */
describe("ID numbers", () => {
  it("checks a 身份证's date of birth and check character", () => {
    expect(idNumberIssue("id_card", "11010519491231002X")).toBeNull();
    expect(idNumberIssue("id_card", "110105194912310021")).not.toBeNull();   // wrong check character
    expect(idNumberIssue("id_card", "110105194902300028")).not.toBeNull();   // 30 February
    expect(idNumberIssue("id_card", "11010519491231002")).toContain("18位");
    expect(idNumberIssue("id_card", "110105194912310021")).toContain("校验不通过");
    expect(idNumberIssue("id_card", " 11010519491231002x ")).toBeNull();
  });

  it("checks other documents by length and characters", () => {
    expect(idNumberIssue("passport", "E1234567")).toBeNull();
    expect(idNumberIssue("passport", "E12")).toContain("5–20");
    expect(idNumberIssue("hk_macau_permit", "C1234567890123456789X")).toContain("5–20");
  });

  it("registration: no number, no document; a number defaults to 身份证 and is normalised; a bad one is refused on its field", () => {
    const none = registerCustomerWithIdInput.safeParse({ ...base, p_id_type: "passport", p_id_no: "  " });
    expect(none.success && [none.data.p_id_type, none.data.p_id_no]).toEqual([null, null]);
    const card = registerCustomerWithIdInput.safeParse({ ...base, p_id_no: "11010519491231002x" });
    expect(card.success && [card.data.p_id_type, card.data.p_id_no]).toEqual(["id_card", "11010519491231002X"]);
    const bad = registerCustomerWithIdInput.safeParse({ ...base, p_id_type: "id_card", p_id_no: "110105194912310021" });
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["p_id_no", "身份证号码校验不通过，请核对出生日期和校验位"]]);
  });
});
