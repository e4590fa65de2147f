import { describe, expect, it } from "vitest";
import { scopeToProject } from "../../src/providers/project-scope.ts";
import { projectInUse, projectQueryHash } from "../../src/session/current-project-store.ts";

const P = "10000000-0000-4000-8000-000000000001";

describe("the current project, applied by the data provider", () => {
  it("limits a list of a project-bound table or view to the project in use", () => {
    expect(scopeToProject("units", undefined, undefined, P)).toEqual([{ field: "project_id", operator: "eq", value: P }]);
    const status = { field: "status", operator: "eq" as const, value: "available" };
    expect(scopeToProject("unit_board", [status], {}, P)).toEqual([status, { field: "project_id", operator: "eq", value: P }]);
  });

  it("leaves tables without a project alone, and a caller's own project or opt-out", () => {
    expect(scopeToProject("projects", undefined, undefined, P)).toBeUndefined();
    expect(scopeToProject("agencies", [], undefined, P)).toEqual([]);
    const own = [{ field: "project_id", operator: "eq" as const, value: "another" }];
    expect(scopeToProject("commission_overview", own, undefined, P)).toBe(own);
    const nested = [{ operator: "or" as const, value: [{ field: "project_id", operator: "null" as const, value: true }] }];
    expect(scopeToProject("delegation_overview", nested, undefined, P)).toBe(nested);
    expect(scopeToProject("audit_log", undefined, { allProjects: true }, P)).toBeUndefined();
  });

  it("leaves a list pinned to one record (a customer's timeline) to that record's project", () => {
    const customer = [{ field: "customer_id", operator: "eq" as const, value: "c1" }];
    expect(scopeToProject("customer_timeline", customer, undefined, P)).toBe(customer);
    const staff = [{ field: "staff_id", operator: "eq" as const, value: "s1" }];
    expect(scopeToProject("visits", staff, undefined, P)).toEqual([...staff, { field: "project_id", operator: "eq", value: P }]);
    const noCustomerYet = [{ field: "customer_id", operator: "eq" as const, value: undefined }];
    expect(scopeToProject("payments", noCustomerYet, undefined, P)).toEqual([...noCustomerYet, { field: "project_id", operator: "eq", value: P }]);
  });

  it("answers nothing rather than every project's rows while no project is known", () => {
    expect(scopeToProject("customers", undefined, undefined, null)).toBe("none");
  });

  it("keeps refine's data queries per project in the cache, and auth queries shared", () => {
    projectInUse.set("a");
    const list = projectQueryHash(["data", "default", "units", "list", { filters: [] }]);
    const identity = projectQueryHash(["auth", "identity"]);
    projectInUse.set("b");
    expect(projectQueryHash(["data", "default", "units", "list", { filters: [] }])).not.toBe(list);
    expect(projectQueryHash(["auth", "identity"])).toBe(identity);
    expect(projectQueryHash(["data", { b: 1, a: 2 }])).toBe(projectQueryHash(["data", { a: 2, b: 1 }]));
    projectInUse.set(null);
  });
});
