import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ParseResult } from "../../../src/nlu/schema.js";
import { startOpenAiStub, type OpenAiStub } from "../../support/openai-stub.js";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));
/** The host's OPENAI_* must not turn the rule-parser tests into LLM calls. */
const { OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_MODEL, ...rulesEnv } = process.env;

let stub: OpenAiStub;
beforeAll(async () => {
  stub = await startOpenAiStub();
});
afterAll(async () => {
  await stub.close();
});

describe("nlu cli", () => {
  it("prints the parse as one JSON line", async () => {
    const { stdout } = await run("npx", ["tsx", "bot/src/nlu/cli.ts", "--today", "2026-11-23", "报备 李四 138****5678 明天下午3点到访"], {
      cwd: repoRoot,
      env: rulesEnv,
    });
    const lines = stdout.split("\n").filter((line) => line.length > 0);
    expect(lines).toHaveLength(1);
    expect(stdout.endsWith("\n")).toBe(true);
    const result = JSON.parse(lines[0]!);
    expect(ParseResult.parse(result)).toEqual({
      intent: "report_customer",
      report: { customer_name: "李四", customer_phone: "138****5678", expected_visit: "2026-11-24T15:00" },
    });
    expect(lines[0]).toBe(
      '{"intent":"report_customer","report":{"customer_name":"李四","customer_phone":"138****5678","expected_visit":"2026-11-24T15:00"}}',
    );
  }, 30_000);

  it("rejects a malformed --today with a usage error", async () => {
    await expect(
      run("npx", ["tsx", "bot/src/nlu/cli.ts", "--today", "tomorrow", "明天"], { cwd: repoRoot, env: rulesEnv }),
    ).rejects.toMatchObject({ code: 2 });
  }, 30_000);

  it("prints the LLM's parse when OPENAI_API_KEY is set", async () => {
    const reading = {
      intent: "report_customer",
      report: { customer_name: "李四", customer_phone: "138****5678", expected_visit: "2026-11-24T15:30" },
    };
    stub.respond({ json: reading });
    const { stdout } = await run("npx", ["tsx", "bot/src/nlu/cli.ts", "--today", "2026-11-23", "报备 李四 138****5678 明天下午3点到访"], {
      cwd: repoRoot,
      env: { ...rulesEnv, OPENAI_API_KEY: "test", OPENAI_BASE_URL: stub.baseURL },
    });
    expect(stdout).toBe(`${JSON.stringify(reading)}\n`);
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]!.body.response_format).toEqual({ type: "json_object" });
  }, 30_000);
});
