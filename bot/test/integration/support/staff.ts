import crypto from "node:crypto";
import { DEMO_PROJECT_ID } from "../../../../supabase/seed/accounts.ts";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import type { StaffRole } from "../../../src/i18n/roles.ts";

export interface TestStaff {
  id: string;
  name: string;
  email: string;
}

let counter = 0;

/**
 * A staff member of the demo project made for one test (own auth user, password
 * "demo-password"), so tests never share a binding.
 */
export async function createStaff(roles: StaffRole[], name?: string): Promise<TestStaff> {
  const id = crypto.randomUUID();
  const suffix = `${Date.now().toString(36)}${counter++}`;
  const staff = { id, name: name ?? `测试员工${suffix}`, email: `bot-test-${suffix}@demo.local` };
  await sql(
    `insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data)
     values ($1, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', $2,
             extensions.crypt('demo-password', extensions.gen_salt('bf', 4)), now(),
             '{"provider":"email","providers":["email"]}', jsonb_build_object('name', $3::text))`,
    [staff.id, staff.email, staff.name],
  );
  await sql(
    `insert into public.staff (id, name, email) values ($1, $2, $3)
     on conflict (id) do update set name = excluded.name, email = excluded.email`,
    [staff.id, staff.name, staff.email],
  );
  await sql(
    `insert into public.staff_projects (staff_id, project_id, role)
     select $1, $2, r from unnest($3::public.staff_role[]) as r`,
    [staff.id, DEMO_PROJECT_ID, roles],
  );
  return staff;
}

/** A one-time binding code the person makes for themself through the API, as in the admin's 我的绑定码. */
export async function ownCode(staffId: string): Promise<string> {
  const [person] = await sql<{ email: string }>("select email from public.staff where id = $1", [staffId]);
  const client = await signedIn(person.email);
  const { data, error } = await client.rpc("create_telegram_bind_code");
  if (error) throw new Error(`create_telegram_bind_code: ${error.message}`);
  return data as string;
}

/** The administrator unbinds someone through the API, as in the admin. */
export async function unbindByAdmin(staffId: string): Promise<void> {
  const admin = await signedIn("admin");
  const { error } = await admin.rpc("unbind_telegram", { p_staff_id: staffId });
  if (error) throw new Error(`unbind_telegram: ${error.message}`);
}

export async function boundTelegramId(staffId: string): Promise<number | null> {
  const [row] = await sql<{ telegram_user_id: string | null }>("select telegram_user_id from public.staff where id = $1", [staffId]);
  return row?.telegram_user_id == null ? null : Number(row.telegram_user_id);
}
