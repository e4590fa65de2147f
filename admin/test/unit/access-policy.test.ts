import { describe, expect, it } from "vitest";
import { decide } from "../../src/access/policy.ts";
import { SIGNED_IN, type AccessRules } from "../../src/access/rules.ts";
import { effectiveRoles, resolveProject, type StaffIdentity } from "../../src/session/identity.ts";

const RULES: Record<string, AccessRules> = {
  dashboard: { list: SIGNED_IN },
  projects: { list: ["consultant", "admin"], create: ["admin"], edit: ["admin"] },
};

describe("decide", () => {
  it("allows the listed roles and refuses others, naming who could", () => {
    expect(decide(RULES, ["admin"], "projects", "create")).toEqual({ can: true });
    expect(decide(RULES, ["consultant"], "projects", "create")).toEqual({ can: false, required: ["admin"] });
  });

  it("falls back from show to list and from clone to create; other missing actions are refused", () => {
    expect(decide(RULES, ["consultant"], "projects", "show").can).toBe(true);
    expect(decide(RULES, ["admin"], "projects", "clone").can).toBe(true);
    expect(decide(RULES, ["admin"], "projects", "delete")).toEqual({ can: false, required: [] });
  });

  it("refuses unknown resources and lets anyone signed in see the dashboard", () => {
    expect(decide(RULES, ["gm"], "payments", "list").can).toBe(false);
    expect(decide(RULES, [], "dashboard", "list").can).toBe(true);
  });
});

describe("roles in the current project", () => {
  const identity: StaffIdentity = {
    id: "u1",
    email: "x@demo.local",
    name: "某人",
    isAdmin: false,
    memberships: [
      { projectId: "a", projectName: "云栖雅苑", projectCode: "HZ-YQ", roles: ["consultant"] },
      { projectId: "b", projectName: "望江府", projectCode: "HZ-WJ", roles: ["sales_manager", "finance"] },
    ],
  };

  it("uses the stored project while the person belongs to it, else the first", () => {
    expect(resolveProject(identity, "b")?.projectName).toBe("望江府");
    expect(resolveProject(identity, "gone")?.projectName).toBe("云栖雅苑");
    expect(resolveProject({ ...identity, memberships: [] }, "a")).toBeNull();
  });

  it("counts only that project's roles, plus admin from anywhere", () => {
    expect(effectiveRoles(identity, resolveProject(identity, "a"))).toEqual(["consultant"]);
    expect(effectiveRoles(identity, resolveProject(identity, "b"))).toEqual(["sales_manager", "finance"]);
    expect(effectiveRoles({ ...identity, isAdmin: true }, resolveProject(identity, "a"))).toEqual(["admin", "consultant"]);
  });
});
