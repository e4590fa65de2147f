import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, rpc, uid, type DealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";
import { activeRoleHolders, notificationsSent, runReminders } from "./support/reminders.ts";

/**
 * 催款 escalation: each amount due has a stage — 正常, 逾期一周 (the 未回款报告单 goes to the sales
 * manager), 逾期一月 (the 逾期回款函 goes to the customer). The reminders clock tells each rung's
 * people once; collection_paper gives the printouts to finance, managers and the deal's consultant.
 */
let p: DealProject;
const sent = (kind: string) => notificationsSent(p.projectId, kind);
const holders = (role: string) => activeRoleHolders(p.projectId, role);

/** An approved contract of consultant1 with one installment per entry, due `dueIn` days from today. */
async function contractDue(customerKey: string, unit: number, dueIns: number[]) {
  const [s] = await sql<{ id: string }>(
    `insert into public.subscriptions (project_id, unit_id, customer_id, consultant_id, payment_method, list_price,
                                       price_after_policies, price, buildup, deposit_due, contract_deadline, created_by)
     values ($1, $2, $3, $4, 'full', 1000000, 1000000, 1000000, '{}'::jsonb, 0, private.project_today($1) + 7, $4) returning id`,
    [p.projectId, p.units[unit], p.customers[customerKey], uid("consultant1")],
  );
  await sql("update public.units set status = 'subscribed' where id = $1", [p.units[unit]]);
  const contractId = randomUUID();
  await sql(
    `insert into public.contracts (id, project_id, subscription_id, unit_id, customer_id, consultant_id, contract_no, price,
                                   payment_method, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, 1000000, 'full', 'approved', $6)`,
    [contractId, p.projectId, s.id, p.units[unit], p.customers[customerKey], uid("consultant1"), `CK-${contractId.slice(0, 8)}`],
  );
  const items: string[] = [];
  for (const [i, dueIn] of dueIns.entries()) {
    const [row] = await sql<{ id: string }>(
      `insert into public.payment_plan_items (contract_id, project_id, seq, due_date, amount, kind)
       values ($1, $2, $3, private.project_today($2) + $4::int, $5::numeric, 'installment') returning id`,
      [contractId, p.projectId, i + 1, dueIn, (1000000 / dueIns.length).toFixed(2)],
    );
    items.push(row.id);
  }
  return items;
}

describe("催款 ladder", () => {
  let items: string[];
  beforeAll(async () => {
    p = await dealProject(`T-COLLECT-${Date.now() % 100000}`, 4);
    // 40 days overdue (逾期一月), 10 days (逾期一周), 3 days (正常), not yet due.
    items = await contractDue("c11", 0, [-40, -10, -3, 20]);
  });

  it("gives each amount its stage in the receivables", async () => {
    const rows = await sql<{ id: string; collection_stage: string }>(
      `select id, collection_stage from public.receivables where contract_id = (select contract_id from public.payment_plan_items where id = $1) order by seq`,
      [items[0]],
    );
    expect(rows.map((r) => r.collection_stage)).toEqual(["month", "week", "normal", "normal"]);
    const { data } = await (await as("consultant1")).from("receivables").select("id, collection_stage").eq("id", items[1]);
    expect(data).toEqual([{ id: items[1], collection_stage: "week" }]);
  });

  it("tells the sales managers at a week and the consultant and finance at a month — once per rung", async () => {
    const first = await runReminders();
    expect(first.collection_ladder).toBeGreaterThan(0);
    const reports = await sent("collection_report");
    const managers = await holders("sales_manager");
    expect([...new Set(reports.map((r) => r.recipient_id))].sort()).toEqual(managers);
    expect(reports.filter((r) => r.recipient_id === uid("manager")).map((r) => r.payload.receivable_id).sort()).toEqual([items[0], items[1]].sort());
    const letters = await sent("collection_letter");
    expect([...new Set(letters.map((r) => r.recipient_id))].sort()).toEqual([uid("consultant1"), ...(await holders("finance"))].sort());
    expect(new Set(letters.map((r) => r.payload.receivable_id))).toEqual(new Set([items[0]]));
    expect(letters[0].payload).toMatchObject({ overdue_days: 40, outstanding: "250000.00", item_kind: "installment" });

    // The clock runs again (and again in parallel): nothing new.
    await Promise.all([runReminders(), runReminders()]);
    expect((await sent("collection_report")).length).toBe(reports.length);
    expect((await sent("collection_letter")).length).toBe(letters.length);

    // Eight days on, the 3-days one reaches a week: only its rung is new.
    await runReminders(new Date(Date.now() + 8 * 86400_000));
    const after = await sent("collection_report");
    expect(after.length).toBe(reports.length + managers.length);
    expect(after.slice(reports.length).map((r) => r.payload.receivable_id)).toEqual(managers.map(() => items[2]));
    expect((await sent("collection_letter")).length).toBe(letters.length);
  });

  it("prints the 未回款报告单 and the 逾期回款函 for finance, managers and the deal's consultant only", async () => {
    await ok("finance", "record_collection_contact", { p_plan_item_id: items[0], p_channel: "phone", p_note: "客户称月底前付清", p_promised_on: null });
    const letter = await ok("consultant1", "collection_paper", { p_receivable_id: items[0], p_paper: "letter" });
    expect(letter).toMatchObject({ paper: "letter", id: items[0], collection_stage: "month", overdue_days: 40, outstanding: 250000 });
    expect(letter.contacts).toHaveLength(1);
    expect(letter.contacts[0]).toMatchObject({ channel: "phone", note: "客户称月底前付清" });
    for (const who of ["finance", "manager", "director"]) {
      expect((await ok(who, "collection_paper", { p_receivable_id: items[1], p_paper: "report" })).paper, who).toBe("report");
    }
    await refused("finance", "collection_paper", { p_receivable_id: items[1], p_paper: "letter" }, "not_overdue_month");
    await refused("finance", "collection_paper", { p_receivable_id: items[3], p_paper: "report" }, "not_overdue_week");
    await refused("finance", "collection_paper", { p_receivable_id: items[0], p_paper: "invoice" }, "invalid_paper");
    for (const who of ["consultant2", "channel", "broker1"]) {
      await refused(who, "collection_paper", { p_receivable_id: items[0], p_paper: "letter" }, "receivable_not_found");
    }
    const other = await dealProject(`T-COLLECT-X${Date.now() % 100000}`, 1);
    const outsider = await person("外项目经理", ["sales_manager", "finance"], other.projectId);
    await refused(outsider.email, "collection_paper", { p_receivable_id: items[0], p_paper: "report" }, "receivable_not_found");
    const { error } = await rpc("consultant2", "collection_paper", { p_receivable_id: items[0], p_paper: "letter" });
    expect(error?.message).toBe("应收款不存在");
  });
});
