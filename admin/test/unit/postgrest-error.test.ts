import { describe, expect, it } from "vitest";
import { loadEnglish } from "../../src/i18n/messages.ts";
import { toHttpError } from "../../src/providers/postgrest-error.ts";
import { rpcFunctionName } from "../../src/providers/rpc.ts";

// English errors are loaded with the English labels, as when the UI switches to English.
await loadEnglish();

describe("toHttpError", () => {
  const refusal = { code: "P0001", message: "该房源已被锁定", details: "unit_not_available", hint: "The unit is held" };

  it("keeps the database's Chinese message and its machine code", () => {
    expect(toHttpError(refusal)).toMatchObject({ message: "该房源已被锁定", details: "unit_not_available", statusCode: 400 });
  });

  it("uses the English hint when the UI is English, if the database gave one", () => {
    expect(toHttpError(refusal, "en").message).toBe("The unit is held");
    expect(toHttpError({ ...refusal, hint: "unit_not_available" }, "en").message).toBe("该房源已被锁定");
  });

  it("gives private.fail's forbidden and not_signed_in their HTTP status", () => {
    expect(toHttpError({ code: "P0001", message: "您没有权限执行此操作", details: "forbidden" }).statusCode).toBe(403);
    expect(toHttpError({ code: "P0001", message: "请先登录", details: "not_signed_in" }).statusCode).toBe(401);
  });

  it("words Postgres errors a user can meet, in the UI language", () => {
    expect(toHttpError({ code: "23505", message: "duplicate key value violates unique constraint" })).toMatchObject({
      message: "已存在相同的记录",
      statusCode: 409,
    });
    expect(toHttpError({ code: "PGRST303", message: "JWT expired" })).toMatchObject({ statusCode: 401, message: "登录已过期，请重新登录" });
    expect(toHttpError({ code: "42501", message: "new row violates row-level security policy" }, "en").message).toBe(
      "You are not allowed to do this",
    );
  });

  it("marks the fields of a unique violation for the form", () => {
    const error = { code: "23505", message: "duplicate key", details: "Key (project_id, phone)=(p, 13800000000) already exists." };
    expect(toHttpError(error).errors).toEqual({ project_id: "已存在相同的记录", phone: "已存在相同的记录" });
    // Row-level security hides DETAIL; the constraint's name still tells.
    const hidden = { code: "23505", message: 'duplicate key value violates unique constraint "projects_code_key"', details: null };
    expect(toHttpError(hidden, "zh-CN", { table: "projects" }).errors).toEqual({ code: "已存在相同的记录" });
    expect(toHttpError(hidden).errors).toBeUndefined();
  });

  it("says so when the server cannot be reached", () => {
    expect(toHttpError({ message: "TypeError: Failed to fetch", code: "" })).toMatchObject({
      message: "网络错误，无法连接服务器",
      statusCode: 503,
    });
  });

  it("keeps an unknown error's text", () => {
    expect(toHttpError({ code: "XX000", message: "boom" }).message).toBe("操作失败：boom");
  });
});

describe("rpcFunctionName", () => {
  it("accepts rpc/<function> only", () => {
    expect(rpcFunctionName("rpc/hold_unit")).toBe("hold_unit");
    expect(rpcFunctionName("/rpc/whoami")).toBe("whoami");
    expect(rpcFunctionName("rpc/drop table")).toBeNull();
    expect(rpcFunctionName("https://example.com/rpc/x")).toBeNull();
    expect(rpcFunctionName("projects")).toBeNull();
  });
});
