import { describe, expect, it } from "vitest";
import { serviceClient, signedIn, sql } from "../../../supabase/tests/support/clients.ts";
import { boundTelegramId, ownCode, createStaff } from "./support/staff.ts";

// The database side of binding, through the API as the admin and the bot call it.
describe("telegram binding functions", () => {
  it("makes 8-character codes from an unambiguous alphabet, valid for 15 minutes", async () => {
    const staff = await createStaff(["consultant"]);
    const code = await ownCode(staff.id);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    const [row] = await sql<{ minutes: number; created_by: string }>(
      `select round(extract(epoch from expires_at - created_at) / 60)::int as minutes, created_by
         from public.telegram_bind_codes where code = $1`,
      [code],
    );
    expect(row.minutes).toBe(15);
  });

  it("lets a person make their own code but nobody else's, administrators included", async () => {
    const me = await createStaff(["consultant"]);
    const colleague = await createStaff(["consultant"]);
    const client = await signedIn(me.email);
    const own = await client.rpc("create_telegram_bind_code", { p_staff_id: me.id });
    expect(own.error).toBeNull();
    const other = await client.rpc("create_telegram_bind_code", { p_staff_id: colleague.id });
    expect(other.error?.details).toBe("bind_code_self_only");
    const byAdmin = await (await signedIn("admin")).rpc("create_telegram_bind_code", { p_staff_id: colleague.id });
    expect(byAdmin.error?.details).toBe("bind_code_self_only");
    const unbindOther = await client.rpc("unbind_telegram", { p_staff_id: colleague.id });
    expect(unbindOther.error?.details).toBe("forbidden");
  });

  it("expires a person's earlier unused code when a new one is made", async () => {
    const staff = await createStaff(["consultant"]);
    const first = await ownCode(staff.id);
    await ownCode(staff.id);
    const { error } = await serviceClient().rpc("bind_telegram", { p_code: first, p_telegram_user_id: 4_200_000_001 });
    expect(error?.details).toBe("bind_code_expired");
  });

  it("lets only the bot (service role) redeem a code", async () => {
    const staff = await createStaff(["consultant"]);
    const code = await ownCode(staff.id);
    const admin = await signedIn("admin");
    const asAdmin = await admin.rpc("bind_telegram", { p_code: code, p_telegram_user_id: 4_200_000_002 });
    expect(asAdmin.error?.code).toBe("42501");
    expect(await boundTelegramId(staff.id)).toBeNull();
  });

  it("refuses to bind a Telegram account that belongs to someone else", async () => {
    const a = await createStaff(["consultant"]);
    const b = await createStaff(["consultant"]);
    const service = serviceClient();
    const telegramId = 4_200_000_000 + Math.floor(Math.random() * 1_000_000);
    expect((await service.rpc("bind_telegram", { p_code: await ownCode(a.id), p_telegram_user_id: telegramId })).error).toBeNull();
    const second = await service.rpc("bind_telegram", { p_code: await ownCode(b.id), p_telegram_user_id: telegramId });
    expect(second.error?.details).toBe("telegram_already_bound");
    expect(await boundTelegramId(b.id)).toBeNull();
  });

  it("keeps codes and bot state out of reach of signed-in users", async () => {
    const staff = await createStaff(["consultant"]);
    await ownCode(staff.id);
    const client = await signedIn(staff.email);
    const own = await client.from("telegram_bind_codes").select("staff_id");
    expect(own.data).toEqual([{ staff_id: staff.id }]);
    const insert = await client.from("telegram_bind_codes").insert({ code: "ABCDEFGH", staff_id: staff.id });
    expect(insert.error?.code).toBe("42501");
    const sessions = await client.from("bot_sessions").select("key");
    expect(sessions.error?.code).toBe("42501");
  });

  it("lets a person unbind themself, audited", async () => {
    const staff = await createStaff(["consultant"]);
    const telegramId = 4_300_000_000 + Math.floor(Math.random() * 1_000_000);
    await serviceClient().rpc("bind_telegram", { p_code: await ownCode(staff.id), p_telegram_user_id: telegramId });
    const client = await signedIn(staff.email);
    expect((await client.rpc("unbind_telegram", { p_staff_id: staff.id })).error).toBeNull();
    expect(await boundTelegramId(staff.id)).toBeNull();
    const audit = await sql<{ actor: string; before: unknown; after: unknown }>(
      "select actor, before, after from public.audit_log where action = 'telegram.unbind' and record_id = $1",
      [staff.id],
    );
    expect(audit).toEqual([{ actor: staff.id, before: { telegram_user_id: telegramId }, after: { telegram_user_id: null } }]);
  });
});
