import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { delivery, person } from "../support/chat.ts";
import { createStaff } from "../support/staff.ts";
import { customerOf, freshPhone, testName } from "../support/sales.ts";

const rowsFor = (staffId: string, kind: string) =>
  sql<{ id: string; status: string; attempts: number; last_error: string | null; waits: boolean }>(
    `select id::text, status, attempts, last_error, next_attempt_at > now() as waits
       from public.notifications where recipient_id = $1 and kind = $2 order by id`,
    [staffId, kind],
  );

/** Another consultant registers this phone through the API: the owner gets a 撞单 notification. */
async function collideWith(phone: string) {
  const other = await createStaff(["consultant"], "冯顾问");
  const client = await signedIn(other.email, "admin");
  const { data, error } = await client.rpc("register_customer", {
    p_project_id: "10000000-0000-4000-8000-000000000001", p_name: "钱七", p_phone: phone, p_source: "walk_in",
  });
  expect(error).toBeNull();
  expect((data as { outcome: string }).outcome).toBe("collision");
}

describe("the outbox", () => {
  it("delivers what was written while no bot was running, once", async () => {
    const first = await testBot();
    const owner = await person(first, ["consultant"]);
    const c = await customerOf(owner.staff.id, testName());

    // The bot is down (nothing drains the outbox) while the collision happens.
    await collideWith(c.phone);
    expect((await rowsFor(owner.staff.id, "collision")).map((r) => r.status)).toEqual(["pending"]);

    const restarted = await testBot({ telegram: first.telegram });
    const { outbox } = delivery(restarted);
    await outbox.drain();
    expect(owner.messages().at(-1)!.text).toBe(`⚠️ 撞单提醒：冯顾问 也登记了您的客户 ${c.name}。客户仍归您所有，销售经理将裁定。`);
    expect(await rowsFor(owner.staff.id, "collision")).toMatchObject([{ status: "sent", attempts: 1 }]);

    const count = owner.messages().length;
    await outbox.drain();
    expect(owner.messages()).toHaveLength(count);
  });

  it("retries a failing send with back-off and marks it failed after the last try, visible to the admins", async () => {
    const t = await testBot();
    const owner = await person(t, ["consultant"]);
    const c = await customerOf(owner.staff.id, testName());
    await collideWith(c.phone);
    const { outbox } = delivery(t, { maxAttempts: 3, backoffSeconds: 30 });
    t.telegram.failSendsTo(owner.chatId, { error_code: 429, description: "Too Many Requests: retry after 3600", parameters: { retry_after: 3600 } });

    await outbox.drain();
    let [row] = await rowsFor(owner.staff.id, "collision");
    expect(row).toMatchObject({ status: "pending", attempts: 1, waits: true });
    expect(row.last_error).toContain("429");

    // Not due yet: nothing is tried. Then, instead of waiting, move the next try into the past.
    await outbox.drain();
    expect((await rowsFor(owner.staff.id, "collision"))[0].attempts).toBe(1);
    for (const attempt of [2, 3]) {
      await sql("update public.notifications set next_attempt_at = now() - interval '1 second' where id = $1", [row.id]);
      await outbox.drain();
      [row] = await rowsFor(owner.staff.id, "collision");
      expect(row.attempts).toBe(attempt);
    }
    expect(row.status).toBe("failed");

    const admin = await signedIn("admin");
    const seen = await admin.from("notifications").select("status, last_error").eq("id", Number(row.id)).single();
    expect(seen.data).toMatchObject({ status: "failed" });
    expect(seen.data!.last_error).toContain("Too Many Requests");
    expect(owner.messages().filter((m) => m.text.includes("撞单"))).toHaveLength(0);
  });

  it("fails at once when the person blocked the bot, and keeps delivering to others", async () => {
    const t = await testBot();
    const blocked = await person(t, ["consultant"]);
    const fine = await person(t, ["consultant"]);
    const a = await customerOf(blocked.staff.id, testName());
    const b = await customerOf(fine.staff.id, testName(), freshPhone());
    await collideWith(a.phone);
    await collideWith(b.phone);
    t.telegram.failSendsTo(blocked.chatId, { error_code: 403, description: "Forbidden: bot was blocked by the user" });

    await delivery(t).outbox.drain();
    expect(await rowsFor(blocked.staff.id, "collision")).toMatchObject([{ status: "failed", attempts: 1 }]);
    expect(await rowsFor(fine.staff.id, "collision")).toMatchObject([{ status: "sent" }]);
    expect(fine.messages().at(-1)!.text).toContain("撞单提醒");
  });

  it("speaks the recipient's language: their Telegram app's, or the one chosen with /lang", async () => {
    const t = await testBot();
    const english = await person(t, ["consultant"], { languageCode: "en" });
    await english.say("/help"); // the bot learns the app's language from what the person sends
    const chose = await person(t, ["consultant"]);
    await chose.say("/lang en");
    const a = await customerOf(english.staff.id, testName());
    const b = await customerOf(chose.staff.id, testName());
    await collideWith(a.phone);
    await collideWith(b.phone);

    await delivery(t).outbox.drain();
    for (const [p, c] of [[english, a], [chose, b]] as const) {
      expect(p.messages().at(-1)!.text).toBe(
        `⚠️ Collision (撞单): 冯顾问 also registered your customer ${c.name}. They stay yours until the sales manager rules.`,
      );
    }
  });
});
