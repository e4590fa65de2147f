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

  it("refuses a refresh token that was already rotated", async () => {
    const client = await signedIn("consultant2");
    const first = (await client.auth.getSession()).data.session!.refresh_token;
    await client.auth.refreshSession();
    const reuse = await anonClient().auth.refreshSession({ refresh_token: first });
    expect(reuse.error?.code).toBe("refresh_token_already_used");
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
