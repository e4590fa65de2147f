import { describe, expect, it } from "vitest";
import { SignJWT } from "jose";
import { createNodeClient } from "@so/shared/supabase-node";
import { anonClient, serviceClient, signedIn, stack } from "./support/clients.ts";

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
    expect((await client.auth.updateUser({ password: "second-password" })).error).toBeNull();
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
