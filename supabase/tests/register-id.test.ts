import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { dealProject, ok, refused, type DealProject } from "./support/deals.ts";

// 证件 at registration (register_customer_with_id): checked before anything is registered; saved
// only on a customer the caller may work; a 撞单 leaves the owner's customer untouched.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-REGID", 1);
});
const ID_NO = "11010519491231002X";
const phone = () => `167${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
const register = (who: string, tel: string, extra: Record<string, unknown> = {}) =>
  ({ p_project_id: p.projectId, p_name: "魏先生", p_phone: tel, p_source: "walk_in", ...extra });
const customersWith = async (tel: string) =>
  sql<{ id: string; id_type: string | null; id_no_masked: string | null; full: string | null }>(
    `select c.id, c.id_type, c.id_no_masked, d.id_no as full
       from public.customers c left join private.customer_id_documents d on d.customer_id = c.id
      where c.project_id = $1 and c.phone = $2`,
    [p.projectId, tel],
  );

describe("证件 at registration", () => {
  it("a bad number registers nothing; a good one is saved masked on the customer, full in private", async () => {
    const tel = phone();
    const e = await refused("consultant1", "register_customer_with_id", register("consultant1", tel, { p_id_type: "id_card", p_id_no: "110105194912310021" }), "invalid_id_no");
    expect(e.message).toContain("校验不通过");
    await refused("consultant1", "register_customer_with_id", register("consultant1", tel, { p_id_type: "passport", p_id_no: "E1" }), "invalid_id_no");
    expect(await customersWith(tel)).toEqual([]);

    const r = await ok("consultant1", "register_customer_with_id", register("consultant1", tel, { p_id_no: " 11010519491231002x " }));
    expect(r).toMatchObject({ outcome: "new", id_document: "saved", id_no_masked: "1101**********002X" });
    expect(await customersWith(tel)).toEqual([{ id: r.customer_id, id_type: "id_card", id_no_masked: "1101**********002X", full: ID_NO }]);
  });

  it("without a number it is plain registration", async () => {
    const tel = phone();
    const r = await ok("consultant1", "register_customer_with_id", register("consultant1", tel, { p_id_type: "passport", p_id_no: "" }));
    expect(r.outcome).toBe("new");
    expect(r.id_document).toBeUndefined();
    expect((await customersWith(tel))[0]).toMatchObject({ id_type: null, id_no_masked: null, full: null });
  });

  it("a colleague's 撞单 with another number leaves the owner's document as it was", async () => {
    const tel = phone();
    await ok("consultant1", "register_customer_with_id", register("consultant1", tel, { p_id_no: ID_NO }));
    const r = await ok("consultant2", "register_customer_with_id", register("consultant2", tel, { p_id_type: "passport", p_id_no: "E98765432" }));
    expect(r).toMatchObject({ outcome: "collision", id_document: "not_saved" });
    expect((await customersWith(tel))[0]).toMatchObject({ id_type: "id_card", full: ID_NO });
  });
});
