import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { as, dealProject, ok, type DealProject } from "./support/deals.ts";

// customer_scope(): whose customers a person reads in a project, by the same roles the reading
// policies on public.customers are built on — checked against what each person actually reads.
let p: DealProject;
beforeAll(async () => {
  p = await dealProject("T-CUSTOMER-SCOPE", 1);
});

const scope = (who: string, projectId = p.projectId) => ok<string | null>(who, "customer_scope", { p_project_id: projectId });
const readable = async (who: string) =>
  ((await (await as(who)).from("customers").select("id").eq("project_id", p.projectId)).data ?? []).length;

describe("customer_scope", () => {
  it("says project for managers and finance, own for consultants, and they read exactly that", async () => {
    expect(await scope("manager")).toBe("project");
    expect(await scope("gm")).toBe("project");
    expect(await scope("finance")).toBe("project");
    expect(await scope("consultant1")).toBe("own");
    expect(await readable("manager")).toBe(Object.keys(p.customers).length);
    expect(await readable("finance")).toBe(Object.keys(p.customers).length);
    expect(await readable("consultant1")).toBe(Object.keys(p.customers).filter((k) => k.startsWith("c1")).length);
  });

  it("says reported for the channel manager, who reads no customer nobody reported", async () => {
    expect(await scope("channel")).toBe("reported");
    expect(await readable("channel")).toBe(0);
  });

  it("says nothing to a broker, an admin only, or for an unknown project", async () => {
    expect(await scope("broker1")).toBeNull();
    expect(await scope("admin")).toBeNull();
    expect(await scope("manager", randomUUID())).toBeNull();
    expect(await readable("broker1")).toBe(0);
  });
});
