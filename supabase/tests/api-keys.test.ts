import { describe, expect, it } from "vitest";
import { createNodeClient } from "@so/shared/supabase-node";
import { DEMO_PASSWORD } from "../local/demo-accounts.ts";
import { stack } from "./support/clients.ts";

// Both key formats through the gateway, as hosted Supabase takes them: sb_publishable_ stands for
// anon and sb_secret_ for service_role (translated to the role's JWT before PostgREST and the auth
// service), the legacy JWT keys still work, and a key the project does not have is refused 401.

const raw = (path: string, headers: Record<string, string>) => fetch(`${stack().url}${path}`, { headers });

describe("API keys", () => {
  it("a publishable key acts exactly as the legacy anon key: same answers, sign-in works", async () => {
    for (const path of ["/rest/v1/projects?select=id", "/rest/v1/staff?select=id&limit=1"]) {
      const legacy = await raw(path, { apikey: stack().anonKey });
      const modern = await raw(path, { apikey: stack().publishableKey, authorization: `Bearer ${stack().publishableKey}` });
      expect(modern.status).toBe(legacy.status);
      expect(await modern.json()).toEqual(await legacy.json());
    }

    const client = createNodeClient(stack().url, stack().publishableKey);
    const { data, error } = await client.auth.signInWithPassword({ email: "consultant1@demo.local", password: DEMO_PASSWORD });
    expect(error).toBeNull();
    expect(data.session?.access_token).toMatch(/^ey/);
    // Signed in, the user's own token is passed on: RLS shows the person their project.
    const projects = await client.from("projects").select("code").eq("code", "HZ-YQ");
    expect(projects.error).toBeNull();
    expect(projects.data).toEqual([{ code: "HZ-YQ" }]);
  });

  it("a secret key acts as service_role, for the REST API and the Auth admin API", async () => {
    const legacy = createNodeClient(stack().url, stack().serviceRoleKey);
    const modern = createNodeClient(stack().url, stack().secretKey);
    const count = async (c: typeof modern) => {
      const { count, error } = await c.from("projects").select("id", { count: "exact", head: true });
      expect(error).toBeNull();
      return count;
    };
    expect(await count(modern)).toBe(await count(legacy));
    expect(await count(modern)).toBeGreaterThan(0);

    const users = await modern.auth.admin.listUsers({ perPage: 1 });
    expect(users.error).toBeNull();
    expect(users.data.users).toHaveLength(1);
    // The publishable key is no way into the admin API.
    const refused = await createNodeClient(stack().url, stack().publishableKey).auth.admin.listUsers({ perPage: 1 });
    expect(refused.error?.status).toBeGreaterThanOrEqual(401);
  });

  it("refuses a new-style key the project does not have, 401 like hosted", async () => {
    const wrong = [
      stack().publishableKey.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      stack().secretKey.replace(/.$/, (c) => (c === "A" ? "B" : "A")),
      "sb_publishable_",
      "sb_secret_whatever",
    ];
    for (const key of wrong) {
      for (const path of ["/rest/v1/projects?select=id", "/auth/v1/admin/users"]) {
        const answer = await raw(path, { apikey: key, authorization: `Bearer ${key}` });
        expect(answer.status, `${key} on ${path}`).toBe(401);
        expect(await answer.json()).toMatchObject({ message: "Invalid API key" });
      }
    }
    // The right secret key, but from a browser: hosted refuses it there.
    const browser = await raw("/rest/v1/projects?select=id", {
      apikey: stack().secretKey,
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36",
    });
    expect(browser.status).toBe(401);
    expect(await browser.json()).toMatchObject({ message: "Forbidden use of secret API key in browser" });
  });

  it("never lets a new-style key override a user's own token", async () => {
    const signIn = await createNodeClient(stack().url, stack().anonKey).auth.signInWithPassword({
      email: "broker1@demo.local",
      password: DEMO_PASSWORD,
    });
    const token = signIn.data.session!.access_token;
    // A secret key with a user's token is the user, not service_role: a broker sees no staff list.
    const asUser = await raw("/rest/v1/staff?select=id", { apikey: stack().secretKey, authorization: `Bearer ${token}` });
    const asService = await raw("/rest/v1/staff?select=id", { apikey: stack().secretKey });
    expect(asUser.status).toBe(200);
    expect(asService.status).toBe(200);
    const [userRows, serviceRows] = [(await asUser.json()) as unknown[], (await asService.json()) as unknown[]];
    expect(userRows.length).toBeLessThan(serviceRows.length);
  });
});
