import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "../../local/demo-accounts.ts";
import { sql } from "./clients.ts";

/** A confirmed e-mail login with the demo password, as GoTrue would store it. */
export async function insertLogin(id: string, email: string) {
  await sql(
    `insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data)
     values ($1, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', $2,
             extensions.crypt($3, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}')`,
    [id, email, DEMO_PASSWORD],
  );
}

/** A staff member with a login (password DEMO_PASSWORD) and the given roles in a project, e.g. to deactivate. */
export async function person(name: string, roles: string[], projectId: string): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `person-${id.slice(0, 8)}@test.local`;
  await insertLogin(id, email);
  await sql(`insert into public.staff (id, name, email, hired_on, regularised_on) values ($1, $2, $3, current_date - 400, current_date - 300)`,
    [id, name, email]);
  for (const role of roles) {
    await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, $3)`, [id, projectId, role]);
  }
  return { id, email };
}
