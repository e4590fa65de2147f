import crypto from "node:crypto";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createNodeClient } from "@so/shared/supabase-node";
import { DEMO_PROJECT_ID as P, demoUserId } from "../seed/accounts.ts";
import { anonClient, mintedTokenLifetime, serviceClient, signedIn, sql, stack, untyped } from "./support/clients.ts";

// People and access through the real API: invitations with a secret, binding codes only for
// oneself, administrators per project, deactivation that ends access, closed private helpers.

const tag = () => crypto.randomBytes(4).toString("hex");
const PASSWORD = "long-enough-password";

/** A new account through sign-up (the local stack confirms emails at once). */
async function signUp(email: string) {
  const client = anonClient();
  const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
  if (error) throw new Error(`sign-up ${email}: ${error.message}`);
  return { client, id: data.user!.id };
}

/** An invitation made by the demo admin; returns the link's token. */
async function invite(email: string, roles: { project_id: string; role: string }[], by = "admin") {
  const admin = await signedIn(by);
  const { data, error } = await admin.rpc("invite_staff", { p_email: email, p_name: "新同事", p_roles: roles });
  if (error) throw new Error(`invite_staff: ${error.message}`);
  return data as { id: string; token: string; status: string };
}

/** A fresh staff member with these roles in the demo project (invited and accepted). */
async function freshStaff(roles: string[]) {
  const email = `fresh-${tag()}@demo.local`;
  const { token } = await invite(email, roles.map((role) => ({ project_id: P, role })));
  const person = await signUp(email);
  const accepted = await person.client.rpc("accept_invitation", { p_token: token });
  if (accepted.error) throw new Error(`accept_invitation: ${accepted.error.message}`);
  return { ...person, email };
}

const rolesOf = (id: string) =>
  sql<{ project_id: string; role: string }>("select project_id, role::text from public.staff_projects where staff_id = $1 order by role", [id]);

describe("invitations with a secret", () => {
  it("gives a stranger who signs up first with the invited email nothing", async () => {
    const email = `invited-${tag()}@demo.local`;
    const { token } = await invite(email, [{ project_id: P, role: "admin" }]);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const [stored] = await sql<{ token_hash: Buffer }>("select token_hash from public.staff_invitations where email = $1", [email]);
    expect(stored.token_hash.toString("hex")).toBe(crypto.createHash("sha256").update(token).digest("hex"));

    const stranger = await signUp(email);
    expect(await rolesOf(stranger.id)).toEqual([]);
    expect((await stranger.client.from("projects").select("id")).data).toEqual([]);
    expect((await stranger.client.from("staff").select("id")).data).toEqual([]);
    const guess = await stranger.client.rpc("accept_invitation", { p_token: "guessed-token-guessed-token-1234" });
    expect(guess.error?.details).toBe("invitation_invalid");
    expect(guess.error?.message).toMatch(/邀请链接无效/);
    expect(await rolesOf(stranger.id)).toEqual([]);
    const [inv] = await sql<{ status: string }>("select status from public.staff_invitations where email = $1", [email]);
    expect(inv.status).toBe("pending");
  });

  it("gives the invitee with the token exactly the invited roles, once", async () => {
    const email = `invitee-${tag()}@demo.local`;
    const { token } = await invite(email, [
      { project_id: P, role: "consultant" },
      { project_id: P, role: "finance" },
    ]);
    // someone else signed in, holding the link, is refused: the email must match
    const other = await signUp(`other-${tag()}@demo.local`);
    const wrongPerson = await other.client.rpc("accept_invitation", { p_token: token });
    expect(wrongPerson.error?.details).toBe("invitation_email_mismatch");
    expect(await rolesOf(other.id)).toEqual([]);
    // not signed in at all
    expect((await anonClient().rpc("accept_invitation", { p_token: token })).error).not.toBeNull();

    const invitee = await signUp(email);
    expect(await rolesOf(invitee.id)).toEqual([]); // sign-up alone grants nothing
    const accepted = await invitee.client.rpc("accept_invitation", { p_token: token });
    expect(accepted.error).toBeNull();
    expect((await rolesOf(invitee.id)).map((r) => r.role)).toEqual(["consultant", "finance"]);
    const [inv] = await sql<{ status: string; token_hash: Buffer | null }>(
      "select status, token_hash from public.staff_invitations where email = $1", [email]);
    expect(inv).toEqual({ status: "accepted", token_hash: null });

    const again = await invitee.client.rpc("accept_invitation", { p_token: token });
    expect(again.error?.details).toBe("invitation_invalid");
  });

  it("refuses an unconfirmed email, a revoked token and an expired one", async () => {
    const email = `unconfirmed-${tag()}@demo.local`;
    const { token, id } = await invite(email, [{ project_id: P, role: "consultant" }]);
    const created = await serviceClient().auth.admin.createUser({ email, password: PASSWORD, email_confirm: false });
    const userId = created.data.user!.id;
    // signed in some other way (hosted: before clicking the confirmation link)
    const jwt = await new SignJWT({ role: "authenticated", aud: "authenticated", email })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(userId)
      .setExpirationTime(mintedTokenLifetime())
      .sign(new TextEncoder().encode(stack().jwtSecret));
    const unconfirmed = createNodeClient(stack().url, stack().anonKey, { global: { headers: { Authorization: `Bearer ${jwt}` } } });
    const refused = await unconfirmed.rpc("accept_invitation", { p_token: token });
    expect(refused.error?.details).toBe("email_not_confirmed");
    expect(await rolesOf(userId)).toEqual([]);

    const admin = await signedIn("admin");
    expect((await admin.rpc("revoke_invitation", { p_invitation_id: id })).error).toBeNull();
    await sql("update auth.users set email_confirmed_at = now() where id = $1", [userId]);
    expect((await unconfirmed.rpc("accept_invitation", { p_token: token })).error?.details).toBe("invitation_invalid");

    const late = `late-${tag()}@demo.local`;
    const expired = await invite(late, [{ project_id: P, role: "consultant" }]);
    await sql("update public.staff_invitations set expires_at = now() - interval '1 minute' where id = $1", [expired.id]);
    const lateUser = await signUp(late);
    expect((await lateUser.client.rpc("accept_invitation", { p_token: expired.token })).error?.details).toBe("invitation_expired");
    expect(await rolesOf(lateUser.id)).toEqual([]);
  });
});

describe("binding codes only for oneself", () => {
  it("refuses the admin a code for the GM, and lets them unbind anyone of their project", async () => {
    const admin = await signedIn("admin");
    const gm = demoUserId("gm@demo.local");
    const before = await sql("select count(*)::int as n from public.telegram_bind_codes where staff_id = $1", [gm]);
    const refused = await admin.rpc("create_telegram_bind_code", { p_staff_id: gm });
    expect(refused.error?.details).toBe("bind_code_self_only");
    expect(refused.error?.message).toMatch(/本人/);
    expect(await sql("select count(*)::int as n from public.telegram_bind_codes where staff_id = $1", [gm])).toEqual(before);

    // the GM's own code is not readable by the admin either
    const gmClient = await signedIn("gm");
    const own = await gmClient.rpc("create_telegram_bind_code");
    expect(own.error).toBeNull();
    expect((await gmClient.from("telegram_bind_codes").select("code").eq("code", own.data!)).data).toEqual([{ code: own.data }]);
    expect((await admin.from("telegram_bind_codes").select("code").eq("code", own.data!)).data).toEqual([]);

    const mine = await admin.rpc("create_telegram_bind_code", {});
    expect(mine.data).toMatch(/^[A-Z2-9]{8}$/);

    const person = await freshStaff(["consultant"]);
    await sql("update public.staff set telegram_user_id = $2 where id = $1", [person.id, 900_000_000 + Math.floor(Math.random() * 1e6)]);
    expect((await admin.rpc("unbind_telegram", { p_staff_id: person.id })).error).toBeNull();
    expect(await sql("select telegram_user_id from public.staff where id = $1", [person.id])).toEqual([{ telegram_user_id: null }]);
  });
});

describe("administrators per project", () => {
  it("refuses an administrator of another project everything in this one", async () => {
    const [other] = await sql<{ id: string }>(
      "insert into public.projects (code, name, city) values ($1, '别的项目', '苏州') returning id", [`X-${tag()}`]);
    const email = `other-admin-${tag()}@demo.local`;
    const person = await signUp(email);
    await sql("insert into public.staff (id, name, email) values ($1, '外项目管理员', $2)", [person.id, email]);
    await sql("insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'admin')", [person.id, other.id]);
    await person.client.auth.refreshSession();
    const outsider = person.client;
    const consultant1 = demoUserId("consultant1@demo.local");

    const add = await outsider.rpc("add_staff_role", { p_staff_id: consultant1, p_project_id: P, p_role: "admin" });
    expect(add.error?.details).toBe("not_project_admin");
    const invited = await outsider.rpc("invite_staff", { p_email: `x-${tag()}@demo.local`, p_name: "某人", p_roles: [{ project_id: P, role: "gm" }] });
    expect(invited.error?.details).toBe("not_project_admin");
    const update = await outsider.rpc("update_staff", { p_staff_id: consultant1, p_name: "改名", p_active: false });
    expect(update.error?.details).toBe("not_project_admin");
    const remove = await outsider.rpc("remove_staff_role", { p_staff_id: consultant1, p_project_id: P, p_role: "consultant" });
    expect(remove.error?.details).toBe("not_project_admin");
    const unbind = await outsider.rpc("unbind_telegram", { p_staff_id: consultant1 });
    expect(unbind.error?.details).toBe("forbidden");
    expect(await sql("select active, name from public.staff where id = $1", [consultant1])).toEqual([{ active: true, name: expect.not.stringMatching(/改名/) }]);

    // the project's figures, prices, rules and settings are not theirs either
    const [unit] = await sql<{ id: string }>("select id from public.units where project_id = $1 limit 1", [P]);
    const asked = {
      dashboard_summary: { p_project_id: P },
      price_buildup: { p_unit_id: unit.id, p_policy_ids: [] },
      policy_options: { p_project_id: P, p_payment_method: "full" },
      preview_project_settings: { p_project_id: P, p_changes: { hold_minutes: 45 } },
      update_project_settings: { p_project_id: P, p_changes: { hold_minutes: 45 }, p_confirm: true },
      set_approval_matrix: { p_project_id: P, p_rules: [] },
      import_price_list: { p_project_id: P, p_rows: [] },
    };
    for (const [fn, args] of Object.entries(asked)) {
      const { data, error } = await outsider.rpc(fn as "dashboard_summary", args as { p_project_id: string });
      expect(data, fn).toBeNull();
      expect(error, fn).not.toBeNull();
    }
    expect((await sql<{ hold_minutes: number }>("select hold_minutes from public.projects where id = $1", [P]))[0].hold_minutes).not.toBe(45);
    for (const table of ["audit_log", "staff_projects", "units", "policies", "staff_invitation_list", "failed_notifications"]) {
      const { data, error } = await untyped(outsider).from(table).select("*").eq(table === "staff_invitation_list" ? "status" : "project_id", table === "staff_invitation_list" ? "pending" : P).limit(5);
      expect(error, table).toBeNull();
      expect(data, table).toEqual([]);
    }
    // their own project they do administer
    const own = await outsider.rpc("invite_staff", { p_email: `mine-${tag()}@demo.local`, p_name: "本项目", p_roles: [{ project_id: other.id, role: "consultant" }] });
    expect(own.error).toBeNull();
  });

  it("shows the audit trail and failed notifications to admins without customers' personal data", async () => {
    const admin = await signedIn("admin");
    const manager = await signedIn("manager");
    const phone = /(^|[^0-9])1[3-9]\d{9}(?![0-9])/; // a whole mobile number, not digits inside an id
    const customerRows = await manager.from("audit_trail").select("id").eq("table_name", "customers").limit(1);
    expect(customerRows.data!.length).toBe(1); // managers read their customers' rows
    expect((await admin.from("audit_trail").select("id").eq("table_name", "customers").limit(5)).data).toEqual([]);
    expect((await admin.from("audit_log").select("id").eq("table_name", "customers").limit(5)).data).toEqual([]);

    const trail = await admin.from("audit_trail").select("before, after").eq("project_id", P).limit(1000);
    expect(trail.data!.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail.data)).not.toMatch(phone);
    const managerTrail = await manager.from("audit_trail").select("before, after").limit(1000);
    expect(JSON.stringify(managerTrail.data)).not.toMatch(phone);

    const failed = await admin.from("failed_notifications").select("id, kind");
    expect(failed.data!.length).toBeGreaterThan(0);
    const readable = await admin.from("notifications").select("status, recipient_id");
    const me = demoUserId("admin@demo.local");
    expect(readable.data!.every((n) => n.status === "failed" || n.recipient_id === me)).toBe(true);
  });
});

describe("deactivation ends access at once", () => {
  it("refuses the old access token and the refresh token, and the person reads nothing", async () => {
    const person = await freshStaff(["consultant"]);
    const session = (await person.client.auth.getSession()).data.session!;
    expect((await person.client.from("units").select("id").limit(1)).data!.length).toBe(1);

    const admin = await signedIn("admin");
    const off = await admin.rpc("update_staff", { p_staff_id: person.id, p_name: "新同事", p_active: false });
    expect(off.error).toBeNull();
    expect(await sql("select count(*)::int as n from auth.sessions where user_id = $1", [person.id])).toEqual([{ n: 0 }]);

    const oldToken = createNodeClient(stack().url, stack().anonKey, {
      global: { headers: { Authorization: `Bearer ${session.access_token}` } },
    });
    for (const table of ["units", "customers", "visits", "calls", "approvals", "subscriptions", "notifications", "staff"]) {
      const { data, error } = await untyped(oldToken).from(table).select("*").limit(1);
      expect(data ?? [], table).toEqual([]);
      expect(error?.details, table).toBe("staff_inactive");
    }
    const rpc = await oldToken.rpc("create_telegram_bind_code");
    expect(rpc.error?.details).toBe("staff_inactive");
    expect(rpc.error?.message).toMatch(/已停用/);

    const refresh = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error?.code).toBe("refresh_token_not_found");
    // a token minted for them without a session (as the bot once did) is refused as well
    const minted = await new SignJWT({ role: "authenticated", aud: "authenticated", surface: "bot" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(person.id)
      .setExpirationTime(mintedTokenLifetime())
      .sign(new TextEncoder().encode(stack().jwtSecret));
    const bot = createNodeClient(stack().url, stack().anonKey, { global: { headers: { Authorization: `Bearer ${minted}` } } });
    expect((await bot.from("units").select("id").limit(1)).error?.details).toBe("staff_inactive");
  });

  it("ends a signed-out session's access token too", async () => {
    const person = await freshStaff(["consultant"]);
    const token = (await person.client.auth.getSession()).data.session!.access_token;
    await person.client.auth.signOut();
    const old = createNodeClient(stack().url, stack().anonKey, { global: { headers: { Authorization: `Bearer ${token}` } } });
    expect((await old.from("units").select("id").limit(1)).error?.details).toBe("session_ended");
  });
});

describe("private helpers, privileges and the audit surface", () => {
  it("refuses private functions through /rpc to anon and signed-in callers", async () => {
    const consultant = await signedIn("consultant1");
    for (const client of [anonClient(), consultant]) {
      const direct = await untyped(client).rpc("is_admin");
      expect(direct.error?.code).toBe("PGRST202");
      const viaProfile = await untyped(client).schema("private").rpc("is_admin");
      expect(viaProfile.error?.code).toBe("PGRST106");
    }
    const grants = await sql<{ fn: string }>(
      `select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'private' and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('public', p.oid, 'execute'))`);
    expect(grants.map((g) => g.fn)).toEqual(["private.check_request()"]);
    const tables = await sql<{ t: string }>(
      `select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'
          and (has_table_privilege('authenticated', c.oid, 'truncate') or has_table_privilege('authenticated', c.oid, 'trigger'))`);
    expect(tables).toEqual([]);
  });

  it("takes the surface from the token, not from a header", async () => {
    const forged = await signedIn("consultant1", "bot"); // sends x-surface: bot
    const code = await forged.rpc("create_telegram_bind_code");
    expect(code.error).toBeNull();
    const me = demoUserId("consultant1@demo.local");
    const [row] = await sql<{ surface: string }>(
      "select surface from public.audit_log where action = 'telegram.code_create' and actor = $1 order by id desc limit 1", [me]);
    expect(row.surface).toBe("admin");

    // a token claim says nothing any more (only whoever holds the JWT secret could write one)
    const minted = await new SignJWT({ role: "authenticated", aud: "authenticated", surface: "bot" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(me)
      .setExpirationTime(mintedTokenLifetime())
      .sign(new TextEncoder().encode(stack().jwtSecret));
    const claimed = createNodeClient(stack().url, stack().anonKey, { global: { headers: { Authorization: `Bearer ${minted}` } } });
    expect((await claimed.rpc("create_telegram_bind_code")).error).toBeNull();
    const [claimedRow] = await sql<{ surface: string }>(
      "select surface from public.audit_log where action = 'telegram.code_create' and actor = $1 order by id desc limit 1", [me]);
    expect(claimedRow.surface).toBe("admin");

    // the bot's own session (as the bot gets it: magic link with the service key, kept by bot_session_save)
    const bound = await freshStaff(["consultant"]);
    await sql("update public.staff set telegram_user_id = $2 where id = $1", [bound.id, 7_000_000_000 + Math.floor(Math.random() * 1e9)]);
    const link = await serviceClient().auth.admin.generateLink({ type: "magiclink", email: bound.email });
    const botClient = anonClient();
    const session = (await botClient.auth.verifyOtp({ type: "magiclink", token_hash: link.data.properties!.hashed_token })).data.session!;
    const key = "access-test-session-key-0123456789abcdef";
    const service = serviceClient();
    expect((await service.rpc("bot_session_take", { p_staff_id: bound.id, p_key: key })).data).toEqual({ state: "new" });
    const sessionId = JSON.parse(Buffer.from(session.access_token.split(".")[1], "base64url").toString()).session_id;
    const saved = await service.rpc("bot_session_save", {
      p_staff_id: bound.id, p_key: key, p_session_id: sessionId, p_access_token: session.access_token,
      p_refresh_token: session.refresh_token, p_expires_at: new Date(session.expires_at! * 1000).toISOString(),
    });
    expect(saved.data).toBe(true);
    expect((await botClient.rpc("create_telegram_bind_code")).error).toBeNull();
    const [botRow] = await sql<{ surface: string }>(
      "select surface from public.audit_log where action = 'telegram.code_create' and actor = $1 order by id desc limit 1", [bound.id]);
    expect(botRow.surface).toBe("bot");
    // the same person signed in with a password (the admin) stays the admin
    const admin = anonClient();
    await admin.auth.signInWithPassword({ email: bound.email, password: PASSWORD });
    expect((await admin.rpc("create_telegram_bind_code")).error).toBeNull();
    const [adminRow] = await sql<{ surface: string }>(
      "select surface from public.audit_log where action = 'telegram.code_create' and actor = $1 order by id desc limit 1", [bound.id]);
    expect(adminRow.surface).toBe("admin");
  });
});
