import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECT_ID } from "../seed/accounts.ts";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

/**
 * 周例会纪要 会签 and 提交: the attendees (named in 参会人员, or else every consultant and manager
 * of the project) sign once; a manager submits once, flagged 逾期 past the meeting day + 2.
 * Finance, brokers, other projects' managers and deactivated accounts are refused; nothing changes.
 */
describe("weekly minutes sign-off and submission", () => {
  let p: DealProject;
  let listed: string;   // attendees named: 王芳 (consultant1), 李经理 (manager)
  let open: string;     // no attendee list

  const minutes = async (weekOffset: number, attendees: string | null) =>
    (await sql<{ id: string }>(
      `insert into public.weekly_minutes (project_id, week_start, title, held_on, attendees, figures)
       select $1, w, '周例会', w + 4, $3, '{}'::jsonb
         from (select (date_trunc('week', private.project_today($1)) - make_interval(weeks => $2))::date w) x
       returning id`,
      [p.projectId, weekOffset, attendees],
    ))[0].id;
  const signers = async (id: string) =>
    (await sql<{ staff_id: string }>(`select staff_id from public.weekly_minutes_signatures where minutes_id = $1 order by staff_id`, [id]))
      .map((r) => r.staff_id);

  beforeAll(async () => {
    p = await dealProject(`T-MINSIGN-${Date.now() % 100000}`, 1);
    listed = await minutes(1, "李经理、王芳");
    open = await minutes(2, null);
  });

  it("a listed attendee signs once; the list shows who signed and who has not; audited", async () => {
    await ok("consultant1", "sign_weekly_minutes", { p_minutes_id: listed });
    await refused("consultant1", "sign_weekly_minutes", { p_minutes_id: listed }, "already_signed");
    await refused("consultant2", "sign_weekly_minutes", { p_minutes_id: listed }, "not_attendee");
    const state = await ok<{ staff_id: string; name: string; signed_at: string | null }[]>(
      "finance", "weekly_minutes_signoffs", { p_minutes_id: listed });
    expect(state.map((r) => [r.name, r.signed_at !== null])).toEqual([["王芳", true], ["李经理", false]]);
    expect(await signers(listed)).toEqual([uid("consultant1")]);
    const audit = await sql(`select action from public.audit_log where table_name = 'weekly_minutes' and record_id = $1 and action = 'weekly_minutes.sign'`, [listed]);
    expect(audit).toHaveLength(1);
  });

  it("without an attendee list any consultant or manager signs; a double tap signs once", async () => {
    const both = await Promise.all([1, 2].map(() => rpc("consultant2", "sign_weekly_minutes", { p_minutes_id: open })));
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "already_signed", message: "您已会签过这份例会纪要" });
    await ok("director", "sign_weekly_minutes", { p_minutes_id: open });
    expect((await signers(open)).sort()).toEqual([uid("consultant2"), uid("director")].sort());
  });

  it("finance, brokers, other projects' staff, deactivated accounts and bad ids are refused", async () => {
    for (const who of ["finance", "broker1", "channel"]) {
      await refused(who, "sign_weekly_minutes", { p_minutes_id: open }, "forbidden");
    }
    await refused("broker1", "weekly_minutes_signoffs", { p_minutes_id: open }, "forbidden");
    await refused("manager", "sign_weekly_minutes", { p_minutes_id: "00000000-0000-0000-0000-000000000000" }, "minutes_not_found");
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [p.projectId, uid("manager")]);
    try {
      await refused("manager", "sign_weekly_minutes", { p_minutes_id: open }, "forbidden");
      await refused("manager", "submit_weekly_minutes", { p_minutes_id: open }, "forbidden");
    } finally {
      await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'sales_manager')`, [uid("manager"), p.projectId]);
    }
    // deactivated: inside one statement that rolls back, so no other test sees the account off
    const deactivated = await sql(
      `do $$ begin
         update public.staff set active = false where id = '${uid("consultant3")}';
         perform set_config('request.jwt.claims', json_build_object('sub', '${uid("consultant3")}', 'role', 'authenticated')::text, true);
         perform public.sign_weekly_minutes('${open}');
         raise exception using detail = 'signed';
       end $$`,
    ).catch((e: { detail?: string }) => e.detail);
    expect(deactivated).toBe("forbidden");
    expect(await signers(open)).not.toContain(uid("consultant3"));
    expect(await sql(`select 1 from public.weekly_minutes_submissions where minutes_id in ($1, $2)`, [listed, open])).toEqual([]);
  });

  it("a manager submits once, with who/when and 逾期 past the meeting day + 2", async () => {
    for (const who of ["consultant1", "finance", "broker1"]) {
      await refused(who, "submit_weekly_minutes", { p_minutes_id: listed }, "forbidden");
    }
    const both = await Promise.all([
      rpc("manager", "submit_weekly_minutes", { p_minutes_id: listed }),
      rpc("director", "submit_weekly_minutes", { p_minutes_id: listed }),
    ]);
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "already_submitted" });
    const [row] = await sql<{ due_on: string; late: boolean; expected_due: string; expected_late: boolean }>(
      `select to_char(s.due_on, 'YYYY-MM-DD') due_on, s.late, to_char(m.held_on + 2, 'YYYY-MM-DD') expected_due,
              private.project_today(m.project_id) > m.held_on + 2 expected_late
         from public.weekly_minutes_submissions s join public.weekly_minutes m on m.id = s.minutes_id where s.minutes_id = $1`, [listed]);
    expect(row).toEqual({ due_on: row.expected_due, late: row.expected_late, expected_due: row.expected_due, expected_late: true });
    const read = await (await as("consultant2")).from("weekly_minutes_submissions").select("minutes_id, late").eq("minutes_id", listed);
    expect(read.data).toEqual([{ minutes_id: listed, late: true }]);
    expect((await (await as("broker1")).from("weekly_minutes_submissions").select("minutes_id").eq("minutes_id", listed)).data).toEqual([]);
    const audit = await sql(`select action from public.audit_log where record_id = $1 and action = 'weekly_minutes.submit'`, [listed]);
    expect(audit).toHaveLength(1);
  });
});

describe("weekly minutes sign-off demo data", () => {
  it("last week's minutes of the demo project are signed by three and submitted on time", async () => {
    const rows = await sql<{ signed: number; pending: string[]; late: boolean }>(
      `select (select count(*)::int from public.weekly_minutes_signatures g where g.minutes_id = m.id) signed,
              array(select s.name from public.staff s where s.id in (select private.minutes_attendees(m.id))
                     and s.id not in (select staff_id from public.weekly_minutes_signatures g where g.minutes_id = m.id)) pending,
              (select late from public.weekly_minutes_submissions x where x.minutes_id = m.id) late
         from public.weekly_minutes m
        where m.project_id = $1 -- other tests write minutes of other weeks into the demo project
          and m.week_start = date_trunc('week', (now() at time zone 'Asia/Shanghai')::date)::date - 7`,
      [DEMO_PROJECT_ID],
    );
    expect(rows).toEqual([{ signed: 3, pending: ["刘婷"], late: false }]);
  });
});
