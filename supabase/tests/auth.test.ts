import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { createAuthHandler } from "../local/auth/server.ts";
import { createNodeClient } from "@so/shared/supabase-node";
import { anonClient, serviceClient, signedIn, sql, stack } from "./support/clients.ts";

// supabase-js itself, pointed at the local stack: the auth twin must be indistinguishable.
describe("auth through supabase-js", () => {
  it("signs in with a password and knows the user", async () => {
    const client = await signedIn("manager");
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user?.email).toBe("manager@demo.local");
    const { data: session } = await client.auth.getSession();
    expect(session.session?.user.email).toBe("manager@demo.local");
  });

  it("refuses a wrong password and an unknown user with GoTrue's error", async () => {
    const client = anonClient();
    const wrong = await client.auth.signInWithPassword({ email: "manager@demo.local", password: "nope-nope" });
    expect(wrong.error?.status).toBe(400);
    expect(wrong.error?.code).toBe("invalid_credentials");
    expect(wrong.error?.message).toBe("Invalid login credentials");
    const unknown = await client.auth.signInWithPassword({ email: "nobody@demo.local", password: "demo-password" });
    expect(unknown.error?.code).toBe("invalid_credentials");
  });

  it("rotates the refresh token, and refuses it after sign-out", async () => {
    const client = await signedIn("consultant1");
    const before = (await client.auth.getSession()).data.session!;
    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.session?.refresh_token).not.toBe(before.refresh_token);
    expect(refreshed.data.user?.email).toBe("consultant1@demo.local");

    const kept = refreshed.data.session!.refresh_token;
    expect((await client.auth.signOut()).error).toBeNull();
    const again = await anonClient().auth.refreshSession({ refresh_token: kept });
    expect(again.error?.status).toBe(400);
    expect(again.error?.code).toBe("refresh_token_not_found");
  });

  it("refuses a refresh token that was already rotated once GoTrue's reuse interval is over, and ends the session", async () => {
    const client = await signedIn("consultant2");
    const first = (await client.auth.getSession()).data.session!;
    const second = (await client.auth.refreshSession()).data.session!;
    // the client lost the answer: within the interval the parent of the active token gets that token back
    const lost = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(lost.error).toBeNull();
    expect(lost.data.session?.refresh_token).toBe(second.refresh_token);
    // 11 s later (GoTrue: REFRESH_TOKEN_REUSE_INTERVAL = 10 s) a rotated token is theft
    await sql("update auth.refresh_tokens set updated_at = updated_at - interval '11 seconds' where token = $1", [first.refresh_token]);
    await anonClient().auth.refreshSession({ refresh_token: second.refresh_token }); // rotates: `first` is no longer the active one's parent
    const reuse = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(reuse.error?.code).toBe("refresh_token_already_used");
    const sessionId = JSON.parse(Buffer.from(first.access_token.split(".")[1], "base64url").toString()).session_id;
    expect(await sql("select 1 from auth.sessions where id = $1", [sessionId])).toEqual([]);
  });

  it("within the reuse interval, an older rotated token gets a sibling (concurrent refreshes do not kill the session)", async () => {
    const client = await signedIn("consultant2");
    const first = (await client.auth.getSession()).data.session!.refresh_token;
    const second = (await anonClient().auth.refreshSession({ refresh_token: first })).data.session!.refresh_token;
    const third = (await anonClient().auth.refreshSession({ refresh_token: second })).data.session!.refresh_token;
    const again = await anonClient().auth.refreshSession({ refresh_token: first });
    expect(again.error).toBeNull();
    expect([first, second, third]).not.toContain(again.data.session!.refresh_token);
    // in parallel, on one token: every caller gets a session, the session survives
    const parallel = await Promise.all([1, 2, 3].map(() => anonClient().auth.refreshSession({ refresh_token: third })));
    expect(parallel.map((r) => r.error)).toEqual([null, null, null]);
    expect((await anonClient().auth.refreshSession({ refresh_token: parallel[0].data.session!.refresh_token })).error).toBeNull();
  });

  it("signs up a new user and updates the user's password", async () => {
    const email = `new-${Date.now()}@demo.local`;
    const client = anonClient();
    const signup = await client.auth.signUp({ email, password: "first-password", options: { data: { name: "新同事" } } });
    expect(signup.error).toBeNull();
    expect(signup.data.user?.user_metadata.name).toBe("新同事");
    const bare = await client.auth.updateUser({ password: "second-password" });
    expect(bare.error?.status).toBe(400);
    expect(bare.error?.code).toBe("reauthentication_needed");
    const wrong = await client.auth.updateUser({ password: "second-password", current_password: "not-the-one" });
    expect(wrong.error?.code).toBe("invalid_credentials");
    expect((await anonClient().auth.signInWithPassword({ email, password: "second-password" })).error?.code).toBe("invalid_credentials");
    expect((await client.auth.updateUser({ password: "second-password", current_password: "first-password" })).error).toBeNull();
    const again = await anonClient().auth.signInWithPassword({ email, password: "second-password" });
    expect(again.error).toBeNull();
    const duplicate = await anonClient().auth.signUp({ email, password: "whatever-pass" });
    expect(duplicate.error?.code).toBe("user_already_exists");
  });

  it("lets the service key manage users and refuses the anon key", async () => {
    const admin = serviceClient().auth.admin;
    const email = `admin-made-${Date.now()}@demo.local`;
    const created = await admin.createUser({ email, password: "made-by-admin", email_confirm: true });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;

    const listed = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(listed.error).toBeNull();
    expect(listed.data.users.map((u) => u.email)).toContain(email);

    const signIn = await anonClient().auth.signInWithPassword({ email, password: "made-by-admin" });
    expect(signIn.error).toBeNull();

    expect((await admin.deleteUser(id)).error).toBeNull();
    const after = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(after.data.users.map((u) => u.email)).not.toContain(email);

    const refused = await anonClient().auth.admin.createUser({ email: `x-${email}`, password: "made-by-anon" });
    expect(refused.error?.status).toBe(403);
    expect((await anonClient().auth.admin.listUsers()).error?.status).toBe(403);
  });
});

describe("REST through the gateway", () => {
  it("shows projects to a signed-in member and none to anon", async () => {
    const member = await signedIn("consultant1");
    const { data, error } = await member.from("projects").select("name");
    expect(error).toBeNull();
    expect(data!.map((p) => p.name)).toContain("云栖雅苑");

    const anon = await anonClient().from("projects").select("name");
    expect(anon.data ?? []).toEqual([]);
  });

  it("calls an RPC as the signed-in user", async () => {
    const client = await signedIn("finance");
    const { data, error } = await client.rpc("whoami");
    expect(error).toBeNull();
    expect(data).toMatchObject({ email: "finance@demo.local", role: "authenticated" });
  });

  it("refuses a tampered JWT", async () => {
    const client = await signedIn("manager");
    const token = (await client.auth.getSession()).data.session!.access_token;
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000001" })).toString("base64url")}.${signature}`;
    const tampered = createNodeClient(stack().url, stack().anonKey, {
      global: { headers: { Authorization: `Bearer ${forged}` } },
    });
    const { error } = await tampered.from("projects").select("name");
    expect(error?.code).toBe("PGRST301");

    const otherSecret = await new SignJWT({ role: "authenticated", sub: claims.sub })
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("a-different-secret-that-is-long-enough-32"));
    const { error: userError } = await anonClient().auth.getUser(otherSecret);
    expect(userError?.status).toBe(403);
  });

  it("requires a project API key", async () => {
    const noKey = await fetch(`${stack().url}/rest/v1/projects`);
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).message).toBe("No API key found in request");
    const badKey = await fetch(`${stack().url}/rest/v1/projects`, { headers: { apikey: "not-a-key" } });
    expect(badKey.status).toBe(401);
    expect((await badKey.json()).message).toBe("Invalid API key");
  });
});

describe("the auth twin behaves like GoTrue where it matters", () => {
  // A handler of its own with low limits, over the test database: the shared stack is not throttled.
  let server: http.Server;
  let pool: pg.Pool;
  let base = "";
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: stack().dbUrl, max: 4 });
    const handle = createAuthHandler({
      db: pool,
      jwtSecret: stack().jwtSecret,
      issuer: "http://auth.test/auth/v1",
      rateLimits: { windowSeconds: 3600, perIp: 10, perEmail: 3 },
    });
    server = http.createServer((req, res) => void handle(req, res, req.url ?? "/"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await pool.end();
  });
  const signIn = (email: string, password: string) =>
    fetch(`${base}/token?grant_type=password`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });

  it("answers an unknown email exactly like a wrong password", async () => {
    const unknown = await signIn("nobody-at-all@demo.local", "demo-password");
    const wrong = await signIn("vp@demo.local", "wrong-password");
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it("limits sign-in per email, then per IP, with GoTrue's 429", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await signIn("director@demo.local", "wrong-password")).status);
    expect(answers).toEqual([400, 400, 400, 429]);
    const limited = await signIn("director@demo.local", "demo-password");
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: 429, error_code: "over_request_rate_limit", msg: "Request rate limit reached" });

    // the same IP, other emails: 10 attempts in all, then this IP is refused whatever the email
    const others = [];
    for (let i = 0; i < 3; i++) others.push((await signIn(`someone-${i}@demo.local`, "x-password")).status);
    expect(others).toEqual([400, 400, 400]);
    const signUp = await fetch(`${base}/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `limited-${Date.now()}@demo.local`, password: "long-enough" }),
    });
    expect(signUp.status).toBe(429);
    expect((await signUp.json()).error_code).toBe("over_request_rate_limit");
  });

  it("caps request bodies", async () => {
    const huge = await fetch(`${base}/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "big@demo.local", password: "x".repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error_code).toBe("request_too_large");
  });
});

describe("refresh for banned and deleted users", () => {
  it("refuses the refresh token of a banned user and of a deleted one", async () => {
    const admin = serviceClient().auth.admin;
    const emails = [`banned-${Date.now()}@demo.local`, `deleted-${Date.now()}@demo.local`];
    const sessions = [];
    for (const email of emails) {
      await admin.createUser({ email, password: "long-enough", email_confirm: true });
      const client = anonClient();
      await client.auth.signInWithPassword({ email, password: "long-enough" });
      sessions.push((await client.auth.getSession()).data.session!);
    }
    await sql("update auth.users set banned_until = now() + interval '1 day' where email = $1", [emails[0]]);
    const banned = await anonClient().auth.refreshSession({ refresh_token: sessions[0].refresh_token });
    expect(banned.error?.code).toBe("user_banned");
    expect((await anonClient().auth.signInWithPassword({ email: emails[0], password: "long-enough" })).error?.code).toBe("user_banned");

    await sql("update auth.users set deleted_at = now() where email = $1", [emails[1]]);
    const deleted = await anonClient().auth.refreshSession({ refresh_token: sessions[1].refresh_token });
    expect(deleted.error?.code).toBe("refresh_token_not_found");
    expect((await anonClient().auth.signInWithPassword({ email: emails[1], password: "long-enough" })).error?.code).toBe("invalid_credentials");
  });
});

describe("CORS only for the admin's own origins", () => {
  it("answers the admin's origin and no other", async () => {
    const ask = (origin: string) =>
      fetch(`${stack().url}/rest/v1/projects`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "apikey,authorization" },
      });
    const own = await ask("http://localhost:5173");
    expect(own.status).toBe(204);
    expect(own.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    const evil = await ask("https://evil.example");
    expect(evil.status).toBe(403);
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();

    const read = await fetch(`${stack().url}/rest/v1/projects`, { headers: { apikey: stack().anonKey, origin: "https://evil.example" } });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
    const own2 = await fetch(`${stack().url}/auth/v1/health`, { headers: { origin: "http://127.0.0.1:5173" } });
    expect(own2.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:5173");
  });
});

// The bot's way in (no JWT secret): the Auth admin API makes a magic link, verify turns it into a session.
describe("magic links through the admin API, as GoTrue", () => {
  const post = (path: string, key: string, body: unknown, bearer?: string) =>
    fetch(`${stack().url}/auth/v1${path}`, {
      method: "POST",
      headers: { apikey: key, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("generates a link with GoTrue's fields and verifies its token hash once into a session", async () => {
    const { data, error } = await serviceClient().auth.admin.generateLink({ type: "magiclink", email: "manager@demo.local" });
    expect(error).toBeNull();
    expect(data.user?.email).toBe("manager@demo.local");
    expect(data.properties).toMatchObject({ verification_type: "magiclink" });
    expect(data.properties?.email_otp).toMatch(/^\d{6}$/);
    expect(data.properties?.hashed_token).toMatch(/^[0-9a-f]{56}$/); // sha224
    expect(data.properties?.action_link).toContain(`token=${data.properties?.hashed_token}&type=magiclink`);
    const [row] = await sql<{ recovery_token: string }>("select recovery_token from auth.users where email = 'manager@demo.local'");
    expect(row.recovery_token).toBe(data.properties?.hashed_token);

    const client = anonClient();
    const verified = await client.auth.verifyOtp({ type: "magiclink", token_hash: data.properties!.hashed_token });
    expect(verified.error).toBeNull();
    expect(verified.data.session?.user.email).toBe("manager@demo.local");
    const claims = JSON.parse(Buffer.from(verified.data.session!.access_token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ role: "authenticated", amr: [{ method: "otp" }] });
    expect(await sql("select 1 from auth.sessions where id = $1", [claims.session_id])).toHaveLength(1);
    expect((await client.from("projects").select("id")).data?.length).toBeGreaterThan(0);

    const again = await post("/verify", stack().anonKey, { type: "magiclink", token_hash: data.properties!.hashed_token });
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ code: 403, error_code: "otp_expired", msg: "Token has expired or is invalid" });
  });

  it("accepts the emailed OTP with the address, and refuses an expired link", async () => {
    const { data } = await serviceClient().auth.admin.generateLink({ type: "magiclink", email: "finance@demo.local" });
    const byOtp = await anonClient().auth.verifyOtp({ type: "magiclink", email: "finance@demo.local", token: data.properties!.email_otp });
    expect(byOtp.error).toBeNull();
    expect(byOtp.data.user?.email).toBe("finance@demo.local");

    const old = await serviceClient().auth.admin.generateLink({ type: "magiclink", email: "finance@demo.local" });
    await sql("update auth.users set recovery_sent_at = now() - interval '2 hours' where email = 'finance@demo.local'");
    const expired = await post("/verify", stack().anonKey, { type: "magiclink", token_hash: old.data.properties!.hashed_token });
    expect(expired.status).toBe(403);
    expect((await expired.json()).error_code).toBe("otp_expired");
  });

  it("refuses generate_link without the service key, and bad requests with GoTrue's errors", async () => {
    const anon = await post("/admin/generate_link", stack().anonKey, { type: "magiclink", email: "manager@demo.local" }, stack().anonKey);
    expect(anon.status).toBe(403);
    expect((await anon.json()).error_code).toBe("not_admin");
    const key = stack().serviceRoleKey;
    const unknown = await post("/admin/generate_link", key, { type: "magiclink", email: "nobody-here@demo.local" }, key);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 404, error_code: "user_not_found", msg: "User with this email not found" });
    const badType = await post("/admin/generate_link", key, { type: "teleport", email: "manager@demo.local" }, key);
    expect(badType.status).toBe(400);
    expect((await badType.json()).msg).toBe("Invalid email action link type requested: teleport");
    const noToken = await post("/verify", stack().anonKey, { type: "magiclink" });
    expect(noToken.status).toBe(400);
    expect((await noToken.json()).msg).toBe("Verify requires either a token or a token hash");
    const noType = await post("/verify", stack().anonKey, { token_hash: "abc" });
    expect((await noType.json()).msg).toBe("Verify requires a verification type");
  });

  it("gives a banned user no session from a link", async () => {
    const email = `banned-link-${Date.now()}@demo.local`;
    const created = await serviceClient().auth.admin.createUser({ email, password: "demo-password", email_confirm: true });
    const { data } = await serviceClient().auth.admin.generateLink({ type: "magiclink", email });
    await sql("update auth.users set banned_until = now() + interval '1 day' where id = $1", [created.data.user!.id]);
    const res = await post("/verify", stack().anonKey, { type: "magiclink", token_hash: data.properties!.hashed_token });
    expect(res.status).toBe(403);
    expect((await res.json()).error_code).toBe("user_banned");
  });
});
