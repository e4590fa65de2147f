import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, refused, uid, type DealProject } from "./support/deals.ts";
import { person } from "./support/people.ts";
import { runReminders } from "./support/reminders.ts";

/**
 * 客户分析会: the manager reviews the day's customers — intent grade, reception quality, advice,
 * a deadline for the next contact — or releases a customer to the pool with a reason. Only the
 * project's managers review; the consultant reads the reviews of their own customers and is
 * reminded when the deadline comes with no follow-up.
 */
describe("客户分析会 (customer_reviews)", () => {
  let p: DealProject;
  const today = async () =>
    (await sql<{ d: string }>("select to_char(private.project_today($1), 'YYYY-MM-DD') d", [p.projectId]))[0].d;
  const inDays = async (n: number) =>
    (await sql<{ d: string }>("select to_char(private.project_today($1) + $2::int, 'YYYY-MM-DD') d", [p.projectId, n]))[0].d;
  const visitToday = (customerId: string, owner: string, notes = "看了样板间，嫌总价高") =>
    sql(`insert into public.visits (project_id, customer_id, consultant_id, is_first, notes) values ($1, $2, $3, true, $4)`, [
      p.projectId, customerId, uid(owner), notes,
    ]);
  const queue = (who = "manager") => ok<any[]>(who, "customer_review_queue", { p_project_id: p.projectId });
  const keep = (customerId: string, extra: Record<string, unknown> = {}) =>
    inDays(3).then((d) =>
      ok("manager", "review_customer", { p_customer_id: customerId, p_grade: "B", p_decision: "keep", p_next_contact_by: d, ...extra }),
    );

  beforeAll(async () => {
    p = await dealProject(`T-REVIEWS-${Date.now() % 100000}`, 4);
  });

  it("lists the customers received today for the project's managers only", async () => {
    await visitToday(p.customers.c11, "consultant1");
    await visitToday(p.customers.c21, "consultant2", "带父母来看，问学区");
    const rows = await queue();
    const c11 = rows.find((r) => r.customer_id === p.customers.c11);
    expect(c11).toMatchObject({ reason: "visited", visits_today: 1, consultant_id: uid("consultant1"), reviewed: false, last_visit_notes: "看了样板间，嫌总价高" });
    expect(rows.map((r) => r.customer_id)).toContain(p.customers.c21);
    expect(rows.map((r) => r.customer_id)).not.toContain(p.customers.c12);
    for (const who of ["director", "gm"]) expect((await queue(who)).length).toBe(rows.length);
    for (const who of ["consultant1", "finance", "channel", "broker1"]) {
      await refused(who, "customer_review_queue", { p_project_id: p.projectId }, "forbidden");
    }
  });

  it("a review sets the grade and the deadline, tells the consultant, and a second one that day corrects it", async () => {
    const customer = p.customers.c11;
    const deadline = await inDays(3);
    const result = await keep(customer, { p_grade: "A", p_quality: "good", p_objections: "总价高", p_advice: "强调首付分期，周五前约二次到访" });
    expect(result).toMatchObject({ grade: "A", decision: "keep", next_contact_by: deadline, released_to_pool: false });
    expect((await sql(`select grade from public.customers where id = $1`, [customer]))[0]).toEqual({ grade: "A" });
    const [note] = await sql<{ payload: any }>(
      `select payload from public.notifications where recipient_id = $1 and kind = 'customer_review' and payload->>'customer_id' = $2`,
      [uid("consultant1"), customer],
    );
    expect(note.payload).toMatchObject({ grade: "A", next_contact_by: deadline, advice: "强调首付分期，周五前约二次到访" });

    await keep(customer, { p_grade: "B", p_advice: "先发价格单" });
    const reviews = await sql(`select grade, advice, reviewed_by from public.customer_reviews where customer_id = $1`, [customer]);
    expect(reviews).toEqual([{ grade: "B", advice: "先发价格单", reviewed_by: uid("manager") }]);
    const audit = await sql<{ action: string }>(`select action from public.audit_log where table_name = 'customer_reviews' and record_id = $1 order by id`, [
      result.review_id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["customer.review", "customer.review_corrected"]);
    const row = (await queue()).find((r) => r.customer_id === customer);
    expect(row).toMatchObject({ reviewed: true, grade: "B" });
  });

  it("refuses a review without a grade or a deadline, a deadline in the past or beyond 30 days", async () => {
    const customer = p.customers.c12;
    const args = { p_customer_id: customer, p_decision: "keep", p_grade: "B" };
    await refused("manager", "review_customer", { ...args, p_grade: "E", p_next_contact_by: await inDays(1) }, "invalid_grade");
    await refused("manager", "review_customer", args, "deadline_required");
    await refused("manager", "review_customer", { ...args, p_next_contact_by: await inDays(-1) }, "invalid_deadline");
    await refused("manager", "review_customer", { ...args, p_next_contact_by: await inDays(31) }, "invalid_deadline");
    await refused("manager", "review_customer", { ...args, p_decision: "maybe", p_next_contact_by: await today() }, "invalid_decision");
    expect(await sql(`select 1 from public.customer_reviews where customer_id = $1`, [customer])).toHaveLength(0);
  });

  it("only the project's managers review: not the consultant, finance, a broker, or a manager of another project", async () => {
    const args = { p_customer_id: p.customers.c13, p_grade: "C", p_decision: "keep", p_next_contact_by: await inDays(2) };
    for (const who of ["consultant1", "finance", "channel", "broker1"]) await refused(who, "review_customer", args, "forbidden");
    const other = await dealProject(`T-REVIEWS-X${Date.now() % 100000}`, 1);
    await sql(`delete from public.staff_projects where project_id = $1 and staff_id = $2`, [other.projectId, uid("manager")]);
    await refused("manager", "review_customer", { ...args, p_customer_id: other.customers.c11 }, "forbidden");
    expect(await sql(`select 1 from public.customer_reviews where customer_id in ($1, $2)`, [p.customers.c13, other.customers.c11])).toHaveLength(0);
  });

  it("a deactivated manager's review is refused before it reaches the function, writing nothing", async () => {
    const gone = await person("离职经理", ["sales_manager"], p.projectId);
    await as(gone.email); // signed in before the deactivation
    await sql(`update public.staff set active = false where id = $1`, [gone.id]);
    const customer = p.customers.c16;
    await refused(gone.email, "review_customer", { p_customer_id: customer, p_grade: "A", p_decision: "keep", p_next_contact_by: await inDays(2) }, "staff_inactive");
    expect(await sql(`select 1 from public.customer_reviews where customer_id = $1`, [customer])).toHaveLength(0);
    expect((await sql(`select grade from public.customers where id = $1`, [customer]))[0].grade).not.toBe("A");
  });

  it("a person who is both consultant and manager may review their own customer, and is not told about it", async () => {
    const both = await person("顾问兼经理", ["consultant", "sales_manager"], p.projectId);
    const [{ id: customer }] = await sql<{ id: string }>(
      `insert into public.customers (project_id, name, phone, owner_id, created_by)
       values ($1, '自评客户', '166' || lpad((floor(random() * 1e8))::bigint::text, 8, '0'), $2, $2) returning id`,
      [p.projectId, both.id],
    );
    const result = await ok(both.email, "review_customer", { p_customer_id: customer, p_grade: "A", p_decision: "keep", p_next_contact_by: await inDays(2) });
    expect(result).toMatchObject({ grade: "A", decision: "keep", released_to_pool: false });
    expect(await sql(`select reviewed_by, consultant_id from public.customer_reviews where customer_id = $1`, [customer]))
      .toEqual([{ reviewed_by: both.id, consultant_id: both.id }]);
    expect(await sql(`select 1 from public.notifications where recipient_id = $1 and kind = 'customer_review'`, [both.id])).toHaveLength(0);
  });

  it("releasing needs a reason, not for a customer with a 认购, and puts the customer in the pool", async () => {
    const customer = p.customers.c22;
    const args = { p_customer_id: customer, p_grade: "D", p_decision: "release" };
    await refused("manager", "review_customer", args, "reason_required");
    const subscribed = p.customers.c23;
    await sql(`update public.customers set status = 'subscribed' where id = $1`, [subscribed]);
    await refused("manager", "review_customer", { ...args, p_customer_id: subscribed, p_reason: "无意向" }, "customer_has_deal");

    const result = await ok("manager", "review_customer", { ...args, p_reason: "三次未接，已在别处购房" });
    expect(result).toMatchObject({ decision: "release", released_to_pool: true });
    expect((await sql(`select owner_id, grade from public.customers where id = $1`, [customer]))[0]).toEqual({ owner_id: null, grade: "D" });
    // another consultant may now claim the customer; the former owner still reads the review
    await ok("consultant1", "claim_customer", { p_customer_id: customer });
    const { data } = await (await as("consultant2")).from("customer_reviews").select("decision, reason").eq("customer_id", customer);
    expect(data).toEqual([{ decision: "release", reason: "三次未接，已在别处购房" }]);
  });

  it("consultants read the reviews of their own customers only; brokers none", async () => {
    const read = async (who: string) =>
      ((await (await as(who)).from("customer_reviews").select("customer_id").eq("project_id", p.projectId)).data ?? []).map((r) => r.customer_id);
    expect(await read("consultant1")).toContain(p.customers.c11);
    expect(await read("consultant3")).toEqual([]);
    expect(await read("broker1")).toEqual([]);
    expect(await read("finance")).toEqual([]);
    expect((await read("manager")).length).toBeGreaterThanOrEqual(2);
  });

  it("when the deadline comes with no follow-up since, the consultant is reminded once and the customer is back on the list", async () => {
    const customer = p.customers.c14;
    await keep(customer, { p_advice: "周末带家人来" });
    // The review was yesterday and its deadline is today.
    await sql(
      `update public.customer_reviews set review_date = review_date - 1, next_contact_by = private.project_today(project_id) where customer_id = $1`,
      [customer],
    );
    await runReminders();
    const reminders = () =>
      sql(`select payload->>'advice' as advice from public.notifications where kind = 'review_deadline' and payload->>'customer_id' = $1`, [customer]);
    expect(await reminders()).toEqual([{ advice: "周末带家人来" }]);
    await runReminders();
    expect(await reminders()).toHaveLength(1);
    expect((await queue()).find((r) => r.customer_id === customer)).toMatchObject({ reason: "deadline", previous_advice: "周末带家人来" });

    // A follow-up since the review takes the customer off the list, and no reminder for the next one.
    const fresh = p.customers.c15;
    await keep(fresh);
    await sql(`update public.customer_reviews set review_date = review_date - 1, next_contact_by = private.project_today(project_id) where customer_id = $1`, [fresh]);
    await ok("consultant1", "log_follow_up", { p_customer_id: fresh, p_method: "phone", p_content: "电话沟通，约周六" });
    await runReminders();
    expect(await sql(`select 1 from public.notifications where kind = 'review_deadline' and payload->>'customer_id' = $1`, [fresh])).toHaveLength(0);
    expect((await queue()).map((r) => r.customer_id)).not.toContain(fresh);
  });
});
