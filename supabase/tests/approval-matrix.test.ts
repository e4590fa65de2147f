import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "./support/clients.ts";
import { as, dealProject, ok, otherProjectPerson, refused, type DealProject } from "./support/deals.ts";

// approval_matrix_problems(): the authority matrix's rules asked before saving; set_approval_matrix
// refuses with the first problem of the same list, and only for this project's administrators.
let p: DealProject;
let otherAdmin: { id: string; email: string };

const GOOD = [
  { max_depth_pct: "2", chain: ["sales_manager"] },
  { max_depth_pct: "5", chain: ["sales_manager", "marketing_director"] },
  { max_depth_pct: null, chain: ["sales_manager", "marketing_director", "vp", "gm"] },
];

beforeAll(async () => {
  p = await dealProject("T-MATRIX-CHECK", 1);
  otherAdmin = await otherProjectPerson("外项目管理员", "admin", "MX-OTHER");
});

const problems = (rules: unknown) => ok<{ index: number; field: string | null; key: string; message: string }[]>("admin", "approval_matrix_problems", { p_rules: rules });
const keys = async (rules: unknown) => (await problems(rules)).map((x) => `${x.index}:${x.field}:${x.key}`);

describe("approval_matrix_problems", () => {
  it("finds nothing in a good matrix", async () => {
    expect(await problems(GOOD)).toEqual([]);
  });

  it("lists every problem with its row and field, in Chinese", async () => {
    expect(await keys([])).toEqual(["-1:null:empty"]);
    expect(await keys(null)).toEqual(["-1:null:empty"]);
    expect(await keys([
      { max_depth_pct: "2", chain: ["sales_manager"] },
      { max_depth_pct: "1.5", chain: [] },                       // below the one before; no chain
      { max_depth_pct: null, chain: ["gm"] },                    // open-ended but not last
      { max_depth_pct: "120", chain: ["vp", "vp"] },             // out of range; a role twice
      { max_depth_pct: "9.999", chain: ["consultant"] },         // three decimals; not an approver
    ])).toEqual([
      "1:max_depth_pct:ascending", "1:chain:chainEmpty",
      "2:max_depth_pct:openNotLast",
      "3:max_depth_pct:depthRange", "3:chain:chainDuplicate",
      "4:max_depth_pct:depthRange", "4:chain:chainRoles",
    ]);
    expect(await keys([{ max_depth_pct: "abc", chain: ["gm"] }])).toEqual(["0:null:malformed"]);
    const [first] = await problems([{ max_depth_pct: "2", chain: [] }]);
    expect(first.message).toBe("第1条规则的审批链不能为空");
  });

  it("is for signed-in people only and changes nothing", async () => {
    const before = await sql(`select max_depth_pct, chain::text from public.approval_rules where project_id = $1 order by max_depth_pct`, [p.projectId]);
    await ok("consultant1", "approval_matrix_problems", { p_rules: GOOD });
    expect(await sql(`select max_depth_pct, chain::text from public.approval_rules where project_id = $1 order by max_depth_pct`, [p.projectId])).toEqual(before);
  });
});

describe("set_approval_matrix", () => {
  it("refuses with the first problem of the list", async () => {
    const bad = [{ max_depth_pct: "2", chain: ["sales_manager"] }, { max_depth_pct: "1.5", chain: [] }];
    const e = await refused("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: bad }, "matrix_invalid");
    expect(e.message).toBe((await problems(bad))[0].message);
  });

  it("is refused to another project's administrator and a manager; the matrix stays", async () => {
    const before = await sql(`select max_depth_pct, chain::text from public.approval_rules where project_id = $1 order by max_depth_pct`, [p.projectId]);
    await refused(otherAdmin.email, "set_approval_matrix", { p_project_id: p.projectId, p_rules: GOOD }, "forbidden");
    await refused("manager", "set_approval_matrix", { p_project_id: p.projectId, p_rules: GOOD }, "forbidden");
    expect(await sql(`select max_depth_pct, chain::text from public.approval_rules where project_id = $1 order by max_depth_pct`, [p.projectId])).toEqual(before);
    const saved = await ok("admin", "set_approval_matrix", { p_project_id: p.projectId, p_rules: GOOD });
    expect(saved.rules).toHaveLength(3);
  });

  it("is refused to a deactivated administrator", async () => {
    await as(otherAdmin.email);
    await sql(`update public.staff set active = false where id = $1`, [otherAdmin.id]);
    await refused(otherAdmin.email, "approval_matrix_problems", { p_rules: GOOD }, "staff_inactive");
  });
});
