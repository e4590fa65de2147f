import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECT_ID } from "../seed/accounts.ts";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

/**
 * 外出带看报备: the customer's consultant (or a manager) reports before leaving; one open outing per
 * customer; 已返回 once. Managers read all of the project's outings, consultants their own, brokers
 * none; other consultants, brokers, other projects' managers and deactivated accounts are refused.
 */
describe("outings (外出带看报备)", () => {
  let p: DealProject;
  const soon = () => new Date(Date.now() + 5 * 60_000).toISOString();
  const count = async () => (await sql<{ n: number }>(`select count(*)::int n from public.outings where project_id = $1`, [p.projectId]))[0].n;

  beforeAll(async () => {
    p = await dealProject(`T-OUTINGS-${Date.now() % 100000}`, 1);
  });

  it("the consultant reports an outing with their customer; a double tap saves one; audited", async () => {
    const both = await Promise.all([1, 2].map(() =>
      rpc("consultant1", "report_outing", { p_customer_id: p.customers.c11, p_destination: " 样板房 " })));
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "already_out", message: "该客户已有未返回的外出带看" });
    const [row] = await sql<{ destination: string; staff_id: string; hours: number; returned_at: string | null }>(
      `select destination, staff_id, extract(epoch from expected_back_at - planned_out_at)::int / 3600 hours, returned_at
         from public.outings where customer_id = $1`, [p.customers.c11]);
    expect(row).toEqual({ destination: "样板房", staff_id: uid("consultant1"), hours: 2, returned_at: null });
    expect(await sql(`select 1 from public.audit_log where table_name = 'outings' and action = 'outing.report' and project_id = $1`, [p.projectId])).toHaveLength(1);
  });

  it("a manager reports for any customer; managers read all, consultants their own, brokers none", async () => {
    await ok("manager", "report_outing", { p_customer_id: p.customers.c21, p_destination: "工地", p_planned_out_at: soon() });
    const read = async (who: string) =>
      ((await (await as(who)).from("outings").select("destination").eq("project_id", p.projectId).order("destination")).data ?? [])
        .map((r) => r.destination);
    expect(await read("director")).toEqual(["工地", "样板房"]);
    expect(await read("consultant1")).toEqual(["样板房"]);
    expect(await read("consultant2")).toEqual([]);
    expect(await read("broker1")).toEqual([]);
    expect(await read("finance")).toEqual([]);
  });

  it("refuses others' customers, other roles and projects, the deactivated, and bad input; nothing saved", async () => {
    const before = await count();
    await refused("consultant2", "report_outing", { p_customer_id: p.customers.c12, p_destination: "样板房" }, "not_your_customer");
    for (const who of ["finance", "broker1", "channel"]) {
      await refused(who, "report_outing", { p_customer_id: p.customers.c12, p_destination: "样板房" }, "forbidden");
    }
    const c12 = (extra: Record<string, unknown>) => ({ p_customer_id: p.customers.c12, p_destination: "样板房", ...extra });
    await refused("consultant1", "report_outing", c12({ p_destination: "  " }), "invalid_destination");
    await refused("consultant1", "report_outing", c12({ p_planned_out_at: new Date(Date.now() - 3600_000).toISOString() }), "outing_in_past");
    await refused("consultant1", "report_outing", c12({ p_planned_out_at: soon(), p_expected_back_at: soon() }), "invalid_return_time");
    await refused("consultant1", "report_outing", { p_customer_id: "00000000-0000-0000-0000-000000000000", p_destination: "x" }, "customer_not_found");
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [p.projectId, uid("manager")]);
    try {
      await refused("manager", "report_outing", c12({}), "forbidden");
    } finally {
      await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'sales_manager')`, [uid("manager"), p.projectId]);
    }
    const deactivated = await sql(
      `do $$ begin
         update public.staff set active = false where id = '${uid("consultant1")}';
         perform set_config('request.jwt.claims', json_build_object('sub', '${uid("consultant1")}', 'role', 'authenticated')::text, true);
         perform public.report_outing('${p.customers.c12}', '样板房');
         raise exception using detail = 'reported';
       end $$`,
    ).catch((e: { detail?: string }) => e.detail);
    expect(deactivated).toBe("forbidden");
    expect(await count()).toBe(before);
  });

  it("已返回 once, by the reporter or a manager; then the customer can go out again", async () => {
    const [{ id }] = await sql<{ id: string }>(`select id from public.outings where customer_id = $1`, [p.customers.c11]);
    for (const who of ["consultant2", "broker1", "finance"]) {
      await refused(who, "return_from_outing", { p_outing_id: id }, "forbidden");
    }
    await ok("consultant1", "return_from_outing", { p_outing_id: id });
    await refused("manager", "return_from_outing", { p_outing_id: id }, "already_returned");
    const [{ returned }] = await sql<{ returned: boolean }>(`select returned_at is not null returned from public.outings where id = $1`, [id]);
    expect(returned).toBe(true);
    await ok("consultant1", "report_outing", { p_customer_id: p.customers.c11, p_destination: "其他楼盘：绿城桂语" });
    expect(await sql(`select 1 from public.audit_log where record_id = $1 and action = 'outing.return'`, [id])).toHaveLength(1);
  });
});

describe("outings demo data", () => {
  it("王芳 took one of her customers to the 样板房 yesterday and is back", async () => {
    const rows = await sql<{ destination: string; staff_id: string; back: boolean }>(
      `select destination, staff_id, returned_at is not null back from public.outings o
        where project_id = $1 and created_at < now() - interval '1 hour' and o.planned_out_at < now()`,
      [DEMO_PROJECT_ID],
    );
    expect(rows).toContainEqual({ destination: "样板房", staff_id: uid("consultant1"), back: true });
  });
});
