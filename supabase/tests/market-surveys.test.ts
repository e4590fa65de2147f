import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";

/**
 * 可比楼盘: the project's sales staff record what they saw at a competing project (prices, offers,
 * sales pace, product); the author or a manager corrects it. Brokers, finance and the channel
 * team neither read nor write; another project's staff cannot write into this one.
 */
describe("可比楼盘 (market_surveys)", () => {
  let p: DealProject;
  let today: string;
  const survey = (extra: Record<string, unknown> = {}) => ({
    p_project_id: p.projectId, p_competitor: "滨江·春语江南", p_survey_date: today, p_avg_price: "38500",
    p_price_min: "36000", p_price_max: "42000.50", p_offers: "总价97折，首付分期", p_monthly_sales: 45,
    p_sales_pace: "二期去化七成", p_product_notes: "89–143㎡三四房，精装", p_location: "滨江区江南大道", p_source: "visit", ...extra,
  });
  const rows = () => sql(`select competitor, surveyed_by from public.market_surveys where project_id = $1 order by created_at`, [p.projectId]);

  beforeAll(async () => {
    p = await dealProject(`T-SURVEYS-${Date.now() % 100000}`, 1);
    [{ today }] = await sql<{ today: string }>("select to_char(private.project_today($1), 'YYYY-MM-DD') today", [p.projectId]);
  });

  it("a consultant records a survey; it is audited and the project's sales staff read it", async () => {
    const result = await ok("consultant1", "save_market_survey", survey());
    expect(result).toMatchObject({ competitor: "滨江·春语江南", survey_date: today });
    const [row] = await sql(`select avg_price::text, price_max::text, monthly_sales, surveyed_by, source from public.market_surveys where id = $1`, [result.survey_id]);
    expect(row).toEqual({ avg_price: "38500.00", price_max: "42000.50", monthly_sales: 45, surveyed_by: uid("consultant1"), source: "visit" });
    const [audit] = await sql<{ action: string; surface: string }>(`select action, surface from public.audit_log where record_id = $1`, [result.survey_id]);
    expect(audit.action).toBe("market_survey.create");
    for (const who of ["consultant2", "manager", "director", "gm"]) {
      const { data } = await (await as(who)).from("market_surveys").select("id").eq("project_id", p.projectId);
      expect(data?.map((r) => r.id)).toContain(result.survey_id);
    }
  });

  it("brokers, finance and the channel team read and write none", async () => {
    for (const who of ["broker1", "finance", "channel"]) {
      const { data } = await (await as(who)).from("market_surveys").select("id").eq("project_id", p.projectId);
      expect(data).toEqual([]);
      await refused(who, "save_market_survey", survey({ p_competitor: `越权${who}` }), "forbidden");
    }
    expect((await rows()).map((r: any) => r.competitor)).not.toContain("越权broker1");
  });

  it("another project's manager may not record here, and a deactivated consultant is refused", async () => {
    // the 营销部长 of other projects only
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [p.projectId, uid("director")]);
    try {
      await refused("director", "save_market_survey", survey({ p_competitor: "别的项目经理" }), "forbidden");
      const { data } = await (await as("director")).from("market_surveys").select("id").eq("project_id", p.projectId);
      expect(data).toEqual([]);
    } finally {
      await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'marketing_director')`, [uid("director"), p.projectId]);
    }

    const { id, email } = await person("离职顾问", ["consultant"], p.projectId);
    await as(email);
    await sql(`update public.staff set active = false where id = $1`, [id]);
    await refused(email, "save_market_survey", survey({ p_competitor: "离职后登记" }), "staff_inactive");
    expect((await rows()).map((r: any) => r.competitor)).not.toContain("离职后登记");
  });

  it("bad input is refused with a clear message and nothing is written", async () => {
    const before = (await rows()).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ p_competitor: "  " }, "competitor_required"],
      [{ p_survey_date: "2099-01-01" }, "invalid_survey_date"],
      [{ p_avg_price: "-1" }, "invalid_price"],
      [{ p_avg_price: "100.001" }, "invalid_price"],
      [{ p_price_min: "50000", p_price_max: "40000" }, "invalid_price_range"],
      [{ p_avg_price: null, p_price_min: null, p_price_max: null, p_offers: " " }, "price_required"],
      [{ p_monthly_sales: -3 }, "invalid_monthly_sales"],
      [{ p_source: "rumour" }, "invalid_source"],
    ];
    for (const [extra, code] of cases) await refused("consultant2", "save_market_survey", survey({ p_competitor: "万科·未来之光", ...extra }), code);
    const { error } = await rpc("consultant2", "save_market_survey", survey({ p_competitor: "" }));
    expect(error?.message).toMatch(/请填写可比楼盘名称/);
    expect((await rows()).length).toBe(before);
  });

  it("a double submit records one survey; the author or a manager corrects it, another consultant may not", async () => {
    const args = survey({ p_competitor: "绿城·桂语朝阳" });
    const both = await Promise.all([rpc("consultant2", "save_market_survey", args), rpc("consultant2", "save_market_survey", args)]);
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "survey_exists" });
    const [{ id }] = await sql<{ id: string }>(`select id from public.market_surveys where project_id = $1 and competitor = '绿城·桂语朝阳'`, [p.projectId]);

    await refused("consultant1", "save_market_survey", { ...args, p_id: id, p_offers: "改别人的" }, "forbidden");
    await ok("consultant2", "save_market_survey", { ...args, p_id: id, p_offers: "98折" });
    await ok("manager", "save_market_survey", { ...args, p_id: id, p_offers: "98折", p_monthly_sales: 60 });
    const [row] = await sql(`select offers, monthly_sales, surveyed_by from public.market_surveys where id = $1`, [id]);
    expect(row).toEqual({ offers: "98折", monthly_sales: 60, surveyed_by: uid("consultant2") });
    const audit = await sql<{ action: string }>(`select action from public.audit_log where record_id = $1 order by id`, [id]);
    expect(audit.map((a) => a.action)).toEqual(["market_survey.create", "market_survey.update", "market_survey.update"]);
    // no way around the function: a direct update changes nothing
    await (await as("consultant2")).from("market_surveys").update({ offers: "直接改" }).eq("id", id);
    expect((await sql(`select offers from public.market_surveys where id = $1`, [id]))[0]).toEqual({ offers: "98折" });
  });
});
