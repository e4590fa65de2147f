import type { SupabaseClient } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { signedIn } from "../../../supabase/tests/support/clients.ts";
import { demoUserId } from "../../../supabase/seed/accounts.ts";
import { DEMO_PROJECT_ID } from "./support/users.ts";

/**
 * The rules of the reports area, as the database enforces them (through the API, as the demo
 * accounts): who gets which report in which scope, who writes which record.
 */
const clients = new Map<string, Promise<SupabaseClient>>();
const as = (who: string) => {
  if (!clients.has(who)) clients.set(who, signedIn(who));
  return clients.get(who)!;
};
const P = DEMO_PROJECT_ID;
const uid = (who: string) => demoUserId(`${who}@demo.local`);
const lastMonth = () => {
  const d = new Date(Date.now() + 8 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
};

describe("reports: what each role gets from the database", () => {
  it("daily_report: managers all, finance the money, a consultant their own row, others refused", async () => {
    for (const who of ["manager", "director", "vp", "gm"]) {
      const { data, error } = await (await as(who)).rpc("daily_report", { p_project_id: P });
      expect(error, who).toBeNull();
      expect(data.scope).toBe("all");
      expect(data.office.visits).not.toBeNull();
    }
    const finance = (await (await as("finance")).rpc("daily_report", { p_project_id: P })).data;
    expect(finance.scope).toBe("finance");
    expect(finance.office.visits).toBeNull();
    expect(finance.office.collections).not.toBeNull();
    const own = (await (await as("consultant1")).rpc("daily_report", { p_project_id: P })).data;
    expect(own.office).toBeNull();
    expect(own.rows.map((r: { staff_id: string }) => r.staff_id)).toEqual([uid("consultant1")]);
    for (const who of ["channel", "broker1", "admin"]) {
      const { error } = await (await as(who)).rpc("daily_report", { p_project_id: P });
      expect(error?.details, who).toBe("forbidden");
      expect(error?.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const future = await (await as("manager")).rpc("daily_report", { p_project_id: P, p_day: "2999-01-01" });
    expect(future.error?.details).toBe("invalid_date");
  });

  it("monthly_report: managers and finance; a consultant is refused; the office rows add up", async () => {
    const month = lastMonth();
    const { data } = await (await as("manager")).rpc("monthly_report", { p_project_id: P, p_month: month });
    const rows = data.consultants as { visits: number }[];
    expect(rows.reduce((s, r) => s + r.visits, 0)).toBe(data.summary.visits);
    expect((data.sources as { visits: number }[]).reduce((s, r) => s + r.visits, 0)).toBe(data.summary.visits);
    const finance = (await (await as("finance")).rpc("monthly_report", { p_project_id: P, p_month: month })).data;
    expect(finance.sources).toBeNull();
    expect(finance.channels).toBeNull();
    expect(finance.collections.total).toBe(data.collections.total);
    const refused = await (await as("consultant1")).rpc("monthly_report", { p_project_id: P, p_month: month });
    expect(refused.error?.details).toBe("forbidden");
  });

  it("dashboard_summary: stock for every member, figures by role, brokers refused", async () => {
    const channel = (await (await as("channel")).rpc("dashboard_summary", { p_project_id: P })).data;
    expect(channel.scope).toBeNull();
    expect(channel.today_figures).toBeNull();
    expect(channel.stock.length).toBeGreaterThan(0);
    const own = (await (await as("consultant2")).rpc("dashboard_summary", { p_project_id: P })).data;
    expect(own.today_figures.staff_id).toBe(uid("consultant2"));
    const broker = await (await as("broker1")).rpc("dashboard_summary", { p_project_id: P });
    expect(broker.error?.details).toBe("forbidden");
  });

  it("records: managers write the roster and meeting notes, everyone writes only their own diary and duty log", async () => {
    const consultant = await as("consultant1");
    const day = "2031-01-06";
    const roster = await consultant.from("duty_roster").insert({ project_id: P, day, staff_id: uid("consultant1"), shift: "early" }).select();
    expect(roster.error?.code).toBe("42501");
    const meeting = await consultant.from("morning_meetings").insert({ project_id: P, held_on: day, content: "x" }).select();
    expect(meeting.error?.code).toBe("42501");
    const minutes = await consultant.rpc("generate_weekly_minutes", { p_project_id: P, p_week: "2026-01-05" });
    expect(minutes.error?.details).toBe("forbidden");

    // A diary entry is the author's: another consultant neither reads nor changes it; the manager reads it.
    const diary = await consultant.from("work_diaries").insert({ project_id: P, day, content: "访问测试的笔记" }).select("id, staff_id").single();
    expect(diary.error).toBeNull();
    expect(diary.data!.staff_id).toBe(uid("consultant1"));
    const other = await as("consultant2");
    expect((await other.from("work_diaries").select("id").eq("id", diary.data!.id)).data).toEqual([]);
    expect((await other.from("work_diaries").update({ content: "改掉" }).eq("id", diary.data!.id).select()).data).toEqual([]);
    expect((await (await as("manager")).from("work_diaries").select("id").eq("id", diary.data!.id)).data).toHaveLength(1);
    const forged = await other.from("work_diaries").insert({ project_id: P, day, content: "冒名", staff_id: uid("consultant1") }).select();
    expect(forged.error).not.toBeNull();

    // The duty log is read by everyone on the project, written by its author only.
    const log = await consultant.from("duty_logs").insert({ project_id: P, day, content: "访问测试的值班记录" }).select("id").single();
    expect(log.error).toBeNull();
    expect((await (await as("finance")).from("duty_logs").select("id").eq("id", log.data!.id)).data).toHaveLength(1);
    expect((await other.from("duty_logs").delete().eq("id", log.data!.id).select()).data).toEqual([]);
    expect((await (await as("broker1")).from("duty_logs").select("id").eq("id", log.data!.id)).data ?? []).toEqual([]);

    // Minutes' numbers are the database's: a manager edits the text, not the figures.
    const manager = await as("manager");
    const figures = await manager.from("weekly_minutes").update({ figures: {} }).eq("id", "cc030000-0000-4000-8000-000000000001").select();
    expect(figures.error?.code).toBe("42501");
    const item = await manager.from("weekly_minute_items").insert({ minutes_id: "cc030000-0000-4000-8000-000000000001", topic: "测试", owner_id: uid("broker1") }).select();
    expect(item.error?.details).toBe("invalid_staff");

    // …and the author removes their own entries.
    expect((await consultant.from("work_diaries").delete().eq("id", diary.data!.id).select()).data).toHaveLength(1);
    expect((await consultant.from("duty_logs").delete().eq("id", log.data!.id).select()).data).toHaveLength(1);
  });
});
