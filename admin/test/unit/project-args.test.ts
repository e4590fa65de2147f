import { describe, expect, it } from "vitest";
import { projectArgs } from "../../src/hooks/project-args.ts";
import { loadEnglish } from "../../src/i18n/messages.ts";
import type { ProjectRpcName } from "../../src/providers/rpc-types.ts";

// English errors are loaded with the English labels, as when the UI switches to English.
await loadEnglish();

const PROJECT = "00000000-0000-4000-8000-000000000001";

describe("projectArgs (what useProjectRpc sends)", () => {
  it("adds the project in use to the caller's arguments", () => {
    expect(projectArgs<"next_walk_in_by_phone">({ p_phone: "13800138000" }, PROJECT, "zh-CN")).toEqual({ p_phone: "13800138000", p_project_id: PROJECT });
  });

  it("sends the project in use even when the arguments carry another one", () => {
    const smuggled = { p_phone: null, p_project_id: "00000000-0000-4000-8000-000000000002" };
    expect(projectArgs<"next_walk_in_by_phone">(smuggled, PROJECT, "zh-CN").p_project_id).toBe(PROJECT);
  });

  it("refuses, in the UI language, while no project is known instead of sending an empty one", () => {
    for (const none of [null, undefined, ""]) {
      expect(() => projectArgs<"my_counts">({}, none, "zh-CN")).toThrow(expect.objectContaining({ message: "请先在右上角选择项目，再执行此操作", details: "no_project", statusCode: 400 }));
    }
    expect(() => projectArgs<"my_counts">({}, null, "en")).toThrow(expect.objectContaining({ message: "Choose a project at the top right first" }));
  });
});

// Which functions the project helpers take, checked by `npm run typecheck`.
const required: ProjectRpcName = "record_payment";
const withDefault: ProjectRpcName = "mark_notifications_read";
// @ts-expect-error hold_unit takes no project
const noProject: ProjectRpcName = "hold_unit";
// @ts-expect-error create_telegram_bind_code has no p_project_id
const otherArgs: ProjectRpcName = "create_telegram_bind_code";
void [required, withDefault, noProject, otherArgs];
