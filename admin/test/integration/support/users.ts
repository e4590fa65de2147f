import crypto from "node:crypto";
import type { Enums } from "@so/shared/database.types";
import { createNodeClient } from "@so/shared/supabase-node";
import { testStack } from "./stack.ts";

export const DEMO_PROJECT_ID = "10000000-0000-4000-8000-000000000001";

/** A service-role client: arranges test data only, never the thing under test. */
export const serviceClient = () => createNodeClient(testStack().url, testStack().serviceRoleKey);

/** An anonymous client of the test stack, as the admin's (x-surface: admin). */
export const anonClient = () =>
  createNodeClient(testStack().url, testStack().anonKey, { global: { headers: { "x-surface": "admin" } } });

const unique = () => crypto.randomBytes(4).toString("hex");

/** A project of its own for a test (the demo data stays as it is). */
export async function createProject(
  name: string,
  options: { administeredBy?: string } = {},
): Promise<{ id: string; code: string; name: string }> {
  const code = `T-${unique().toUpperCase()}`;
  const { data, error } = await serviceClient().from("projects").insert({ code, name, city: "测试" }).select("id, code, name").single();
  if (error) throw error;
  if (options.administeredBy) {
    // Administrators act only in projects where they hold the admin role.
    const [row] = (await serviceClient().from("staff").select("id").eq("email", options.administeredBy)).data ?? [];
    const role = await serviceClient().from("staff_projects").insert({ staff_id: row.id, project_id: data.id, role: "admin" });
    if (role.error) throw role.error;
  }
  return data;
}

/**
 * A staff member of its own for a test that changes a person (password, memberships), so the
 * shared demo accounts stay as every other test expects them.
 */
export async function createStaff(options: { name: string; password: string; roles: { projectId: string; role: Enums<"staff_role"> }[] }) {
  const email = `e2e-${unique()}@test.local`;
  const service = serviceClient();
  const { data, error } = await service.auth.admin.createUser({ email, password: options.password, email_confirm: true });
  if (error) throw error;
  const id = data.user.id;
  const staff = await service.from("staff").insert({ id, name: options.name, email });
  if (staff.error) throw staff.error;
  if (options.roles.length) {
    const roles = await service
      .from("staff_projects")
      .insert(options.roles.map((r) => ({ staff_id: id, project_id: r.projectId, role: r.role })));
    if (roles.error) throw roles.error;
  }
  return { id, email };
}
