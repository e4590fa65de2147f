import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";

/**
 * Sign-offs: a manager marks a consultant's 工作笔记 已阅 with a comment; the monthly analysis
 * report is submitted once per month, after it ends, with who and when and a late flag past the
 * 5th. Consultants, finance, brokers and other projects' managers are refused.
 */
describe("sign-offs (diary reviews, monthly report submission)", () => {
  let p: DealProject;
  let diaryId: string;
  let lastMonth: string;
  let thisMonth: string;

  beforeAll(async () => {
    p = await dealProject(`T-SIGNOFFS-${Date.now() % 100000}`, 1);
    [{ id: diaryId }] = await sql<{ id: string }>(
      `insert into public.work_diaries (project_id, day, staff_id, content, plan) values ($1, private.project_today($1), $2, '接待3组，回访5个', '约两组周末到访') returning id`,
      [p.projectId, uid("consultant1")],
    );
    [{ lastMonth, thisMonth }] = await sql<{ lastMonth: string; thisMonth: string }>(
      `select to_char(date_trunc('month', private.project_today($1)) - interval '1 month', 'YYYY-MM-DD') as "lastMonth",
              to_char(date_trunc('month', private.project_today($1)), 'YYYY-MM-DD') as "thisMonth"`,
      [p.projectId],
    );
  });

  it("a manager marks a diary 已阅 with a comment; the author reads it, a second mark changes the comment", async () => {
    await ok("manager", "review_work_diary", { p_diary_id: diaryId, p_comment: "回访要记下客户抗性" });
    await ok("manager", "review_work_diary", { p_diary_id: diaryId, p_comment: "很好" });
    const mine = await (await as("consultant1")).from("work_diary_reviews").select("comment, reviewed_by").eq("diary_id", diaryId);
    expect(mine.data).toEqual([{ comment: "很好", reviewed_by: uid("manager") }]);
    const audit = await sql<{ action: string }>(`select action from public.audit_log where table_name = 'work_diaries' and record_id = $1 and action = 'diary.review'`, [diaryId]);
    expect(audit).toHaveLength(2);
    for (const who of ["consultant2", "broker1", "finance"]) {
      expect((await (await as(who)).from("work_diary_reviews").select("diary_id").eq("diary_id", diaryId)).data).toEqual([]);
    }
  });

  it("only the project's managers review, not their own diary; bad input leaves nothing", async () => {
    for (const who of ["consultant1", "consultant2", "finance", "broker1", "channel"]) {
      await refused(who, "review_work_diary", { p_diary_id: diaryId }, "forbidden");
    }
    await refused("director", "review_work_diary", { p_diary_id: diaryId, p_comment: "x".repeat(1001) }, "comment_too_long");
    const [{ id: own }] = await sql<{ id: string }>(
      `insert into public.work_diaries (project_id, day, staff_id, content) values ($1, private.project_today($1), $2, '经理自己的笔记') returning id`,
      [p.projectId, uid("manager")],
    );
    await refused("manager", "review_work_diary", { p_diary_id: own }, "own_diary");
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [p.projectId, uid("director")]);
    try {
      await refused("director", "review_work_diary", { p_diary_id: diaryId }, "forbidden");
    } finally {
      await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'marketing_director')`, [uid("director"), p.projectId]);
    }
    expect(await sql(`select reviewed_by from public.work_diary_reviews where diary_id in ($1, $2)`, [diaryId, own])).toEqual([{ reviewed_by: uid("manager") }]);
  });

  it("the monthly report is submitted once, after the month, with a late flag past the 5th", async () => {
    await refused("manager", "submit_monthly_report", { p_project_id: p.projectId, p_month: thisMonth }, "month_not_over");
    for (const who of ["consultant1", "finance", "broker1"]) {
      await refused(who, "submit_monthly_report", { p_project_id: p.projectId, p_month: lastMonth }, "forbidden");
    }
    const both = await Promise.all([
      rpc("manager", "submit_monthly_report", { p_project_id: p.projectId, p_month: lastMonth }),
      rpc("director", "submit_monthly_report", { p_project_id: p.projectId, p_month: lastMonth }),
    ]);
    expect(both.filter((r) => !r.error)).toHaveLength(1);
    expect(both.find((r) => r.error)?.error).toMatchObject({ details: "already_submitted" });
    const [row] = await sql<{ due_on: string; late: boolean }>(
      `select to_char(due_on, 'YYYY-MM-DD') due_on, late from public.monthly_report_submissions where project_id = $1`, [p.projectId]);
    const [{ due, today }] = await sql<{ due: string; today: string }>(
      `select to_char(date_trunc('month', private.project_today($1)) + interval '4 days', 'YYYY-MM-DD') due,
              to_char(private.project_today($1), 'YYYY-MM-DD') today`, [p.projectId]);
    expect(row).toEqual({ due_on: due, late: today > due });
    const readers = await (await as("finance")).from("monthly_report_submissions").select("month").eq("project_id", p.projectId);
    expect(readers.data).toEqual([{ month: lastMonth }]);
    expect((await (await as("consultant1")).from("monthly_report_submissions").select("month").eq("project_id", p.projectId)).data).toEqual([]);
  });
});
