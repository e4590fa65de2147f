import crypto from "node:crypto";
import { DEMO_PROJECT_ID as P, demoUserId } from "../../seed/accounts.ts";
import { AGENCY_IDS, BROKER_IDS, channelCustomerId } from "../../seed/channel.ts";
import { seedCustomerId } from "../../seed/customers.ts";
import { SEED_BUILDINGS } from "../../seed/inventory.ts";
import { defineMatrix, parseGrid } from "./registry.ts";

/*
  Part A's RLS matrix: the core tables, inventory, customers, channel and reception.
  Cell = <select>[+<writes>]: select all | some | none (defined in ../rls.test.ts);
  writes i = insert, u = update, d = delete allowed through the API; none listed = refused.
  Roles sign in as: admin, gm, vp, director, manager, consultant1, finance, channel, broker1.
  Administrators read the audit rows of their projects except customers' (they cannot read those
  customers), and of notifications only the failed ones and their own.
*/
const GRID = `
  table                anon  admin   gm      vp      marketing_director sales_manager consultant finance channel_manager broker
  projects             none  all+iu  all     all     all                all           all        all     all             all
  staff                none  all     all     all     all                all           all        all     all             some
  staff_projects       none  all     all     all     all                all           all        all     all             some
  audit_log            none  some    all     all     all                all           none       none    none            none
  notifications        none  some    some    some    some               some          some       some    some            some
  buildings            none  all+iu  all+iu  all+iu  all+iu             all+iu        all        all     all             none
  units                none  all     all     all     all                all           all        all     all             none
  customers            none  none    all     all     all                all           some       all     some            none
  customer_collisions  none  none    all     all     all                all           some       none    none            none
  agencies             none  all+iu  all     all     all                all           all        all     all+iu          some
  agency_stores        none  all+iu  all     all     all                all           all        all     all+iu          some
  cooperations         none  all+iu  all     all     all+iu             all           all        all     all+iu          some
  brokers              none  all+iu  all     all     all                all           all        all     all+iu          some
  channel_reports      none  none    all     all     all                all           some       none    all             some
  reception_queue      none  none    all     all     all                all           all        all     all             none
  visits               none  none    all     all     all                all           some       none    some            none
  calls                none  none    all     all     all                all           some       none    none            none
  follow_ups           none  none    all     all     all                all           some       none    some            none
  complaints           none  none    all     all     all                all           some       none    none            none
`;

const C1 = demoUserId("consultant1@demo.local");
const C2 = demoUserId("consultant2@demo.local");
const C3 = demoUserId("consultant3@demo.local");
const PROBE_USER = "0000a11a-0000-4000-8000-000000000001"; // an auth user without a staff row
const PROBE_AGENCY = "0000a11a-0000-4000-8000-000000000002"; // an agency without a cooperation
const tag = () => crypto.randomBytes(4).toString("hex");
const project = { column: "project_id", value: P };

export const matrixA = defineMatrix({
  name: "part A",
  rows: parseGrid(GRID),
  arrange: [
    // every demo account has a notification of its own, and there are others'
    `insert into public.notifications (recipient_id, project_id, kind)
     select s.id, '${P}', 'rls_probe' from public.staff s where s.email like '%@demo.local'`,
    `select private.audit('rls.probe', 'projects', '${P}', '${P}', null, null)`,
    // a collision consultant1 is no party to; a complaint consultant1 filed; a follow-up on a reported customer
    `with c as (
       insert into public.customers (project_id, name, phone, owner_id) values ('${P}', 'RLS探针', '1660' || lpad((floor(random() * 1e7))::bigint::text, 7, '0'), '${C2}')
       returning id)
     insert into public.customer_collisions (project_id, customer_id, owner_id, claimant_id) select '${P}', id, '${C2}', '${C3}' from c`,
    `insert into public.complaints (project_id, complainant_name, channel, content, created_by) values ('${P}', 'RLS探针', 'phone', '探针', '${C1}')`,
    `insert into public.follow_ups (project_id, customer_id, staff_id, method, content)
     select '${P}', c.id, c.owner_id, 'phone', 'RLS探针' from public.customers c where c.id = '${channelCustomerId(1)}'`,
    `insert into auth.users (id, email) values ('${PROBE_USER}', 'rls-probe@demo.local') on conflict do nothing`,
    `insert into public.agencies (id, name) values ('${PROBE_AGENCY}', 'RLS探针中介') on conflict do nothing`,
  ],
  tables: {
    projects: { scope: { column: "id", value: P }, update: "address", sample: () => ({ code: `RLS-${tag()}`, name: "探针项目", city: "杭州" }) },
    staff: {
      scope: { ids: `select staff_id from public.staff_projects where project_id = '${P}'` },
      update: "name",
      sample: () => ({ id: PROBE_USER, name: "探针", email: `probe-${tag()}@demo.local` }),
    },
    staff_projects: {
      scope: project, update: "role", key: ["staff_id", "project_id", "role"],
      sample: () => ({ staff_id: C3, project_id: P, role: "finance" }),
    },
    audit_log: { scope: project, update: "action", sample: () => ({ surface: "admin", action: `rls.fake.${tag()}`, table_name: "units", project_id: P }) },
    notifications: { scope: project, update: "kind", sample: () => ({ recipient_id: C1, project_id: P, kind: `rls_fake_${tag()}` }) },
    buildings: { scope: project, update: "name", sample: () => ({ project_id: P, code: `R${tag()}`, name: "探针栋", floors: 3 }) },
    units: {
      scope: project, update: "status",
      sample: () => ({ project_id: P, building_id: SEED_BUILDINGS[0].id, floor: 1, number: `R${tag()}`, rooms: 2, building_area: 90, list_price: 2700000, unit_price: 30000 }),
    },
    customers: {
      scope: project, update: "owner_id",
      sample: () => ({ project_id: P, name: `探针${tag()}`, phone: `1660${crypto.randomInt(0, 1e7).toString().padStart(7, "0")}` }),
    },
    customer_collisions: { scope: project, update: "status", sample: () => ({ project_id: P, customer_id: seedCustomerId(3), claimant_id: C2, note: tag() }) },
    agencies: { scope: { ids: "select id from public.agencies" }, update: "active", sample: () => ({ name: `探针中介${tag()}` }) },
    agency_stores: { scope: { ids: "select id from public.agency_stores" }, update: "name", sample: () => ({ agency_id: AGENCY_IDS.anju, name: `探针店${tag()}` }) },
    cooperations: {
      scope: project, update: "commission_value",
      sample: () => ({ agency_id: PROBE_AGENCY, project_id: P, commission_type: "fixed", commission_value: 100, valid_from: "2020-01-01", valid_to: "2020-12-31", note: tag() }),
    },
    brokers: { scope: { ids: "select id from public.brokers" }, update: "name", sample: () => ({ agency_id: AGENCY_IDS.anju, name: `探针经纪${tag()}` }) },
    channel_reports: {
      scope: project, update: "status",
      sample: () => ({
        project_id: P, broker_id: BROKER_IDS.broker1, agency_id: AGENCY_IDS.anju, customer_name: `探针${tag()}`, phone_input: "13800000000",
        phone_prefix: "138", phone_suffix: "0000", expected_visit_at: "2030-01-01T00:00:00Z", status: "valid", lapses_at: "2030-01-08T00:00:00Z",
      }),
    },
    reception_queue: { scope: project, update: "queue_pos", sample: () => ({ project_id: P, day: "2030-01-01", staff_id: C1, queue_pos: crypto.randomInt(1000, 1e6) }) },
    visits: { scope: project, update: "notes", sample: () => ({ project_id: P, customer_id: seedCustomerId(3), consultant_id: C1, is_first: false, notes: tag() }) },
    calls: { scope: project, update: "note", sample: () => ({ project_id: P, consultant_id: C1, note: tag() }) },
    follow_ups: { scope: project, update: "content", sample: () => ({ project_id: P, customer_id: seedCustomerId(3), staff_id: C1, method: "phone", content: `探针${tag()}` }) },
    complaints: { scope: project, update: "status", sample: () => ({ project_id: P, complainant_name: `探针${tag()}`, channel: "phone", content: "探针" }) },
  },
});
