import { describe, expect, it } from "vitest";
import { loadEnglish } from "../../src/i18n/messages.ts";
import { toHttpError } from "../../src/providers/postgrest-error.ts";
import { callRpc, callFunction } from "../../src/providers/rpc.ts";
import { anonClient, DEMO_PROJECT_ID } from "./support/users.ts";

// English errors are loaded with the English labels, as when the UI switches to English.
await loadEnglish();

/** The admin's RPC convention and error mapping against the real PostgREST of the test stack. */
describe("data provider: rpc/<function> and PostgREST errors", () => {
  const signedIn = async (who: string) => {
    const client = anonClient();
    const { error } = await client.auth.signInWithPassword({ email: `${who}@demo.local`, password: "demo-password" });
    if (error) throw error;
    return client;
  };

  it("custom({ url: 'rpc/whoami' }) calls the database function", async () => {
    const client = await signedIn("consultant1");
    const { data: user } = await client.auth.getUser();
    const post = await callRpc<{ user_id: string; role: string }>(client, { url: "rpc/whoami", method: "post" });
    expect(post.data).toMatchObject({ user_id: user.user!.id, role: "authenticated" });
    const get = await callRpc<{ user_id: string }>(client, { url: "/rpc/whoami", method: "get" });
    expect(get.data.user_id).toBe(user.user!.id);
  });

  it("refuses other URLs, and maps a missing function to an HttpError", async () => {
    const client = await signedIn("consultant1");
    await expect(callRpc(client, { url: "https://example.com/x", method: "post" })).rejects.toMatchObject({
      statusCode: 400,
      details: "not_rpc",
    });
    await expect(callRpc(client, { url: "rpc/no_such_function", method: "post" })).rejects.toMatchObject({
      statusCode: 400,
      code: "PGRST202",
    });
  });

  it("a row-level security refusal becomes 403 with a Chinese message", async () => {
    const client = await signedIn("consultant1");
    const { error } = await client.from("projects").insert({ code: "NOPE-1", name: "不该建成", city: "杭州" });
    expect(error).not.toBeNull();
    expect(toHttpError(error)).toMatchObject({ statusCode: 403, message: "您没有权限执行此操作", code: "42501" });
    expect(toHttpError(error, "en").message).toBe("You are not allowed to do this");
  });

  it("callFunction is typed by the function's name and answers its result", async () => {
    const client = await signedIn("finance");
    const { data } = await callFunction(client, "suggest_receipt_no", { p_project_id: DEMO_PROJECT_ID }, { get: true });
    expect(typeof data).toBe("string");
  });
});
