import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../local/demo-accounts.ts";
import { demoId, sqlText } from "./random.ts";

export const DEMO_PROJECT_ID = "10000000-0000-4000-8000-000000000001";

/** Who the demo accounts are: name, phone, roles in the demo project, regularisation. */
const PEOPLE: Record<string, { name: string; phone: string; roles: string[]; hiredDaysAgo: number; regularised: boolean }> = {
  "admin@demo.local": { name: "周管理", phone: "13900000001", roles: ["admin"], hiredDaysAgo: 900, regularised: true },
  "gm@demo.local": { name: "郑总", phone: "13900000002", roles: ["gm"], hiredDaysAgo: 2000, regularised: true },
  "vp@demo.local": { name: "吴副总", phone: "13900000003", roles: ["vp"], hiredDaysAgo: 1500, regularised: true },
  "director@demo.local": { name: "孙部长", phone: "13900000004", roles: ["marketing_director"], hiredDaysAgo: 1200, regularised: true },
  "manager@demo.local": { name: "李经理", phone: "13900000005", roles: ["sales_manager"], hiredDaysAgo: 800, regularised: true },
  "consultant1@demo.local": { name: "王芳", phone: "13900000006", roles: ["consultant"], hiredDaysAgo: 400, regularised: true },
  "consultant2@demo.local": { name: "陈磊", phone: "13900000007", roles: ["consultant"], hiredDaysAgo: 300, regularised: true },
  "consultant3@demo.local": { name: "刘婷", phone: "13900000008", roles: ["consultant"], hiredDaysAgo: 20, regularised: false },
  "finance@demo.local": { name: "赵会计", phone: "13900000009", roles: ["finance"], hiredDaysAgo: 700, regularised: true },
  "channel@demo.local": { name: "钱渠道", phone: "13900000010", roles: ["channel_manager"], hiredDaysAgo: 500, regularised: true },
  "broker1@demo.local": { name: "黄经纪", phone: "13700000011", roles: ["broker"], hiredDaysAgo: 200, regularised: true },
  "broker2@demo.local": { name: "林经纪", phone: "13700000012", roles: ["broker"], hiredDaysAgo: 200, regularised: true },
};

/** Deterministic user ids: 00000000-0000-4000-8000-0000000000NN in DEMO_ACCOUNTS order. */
export const demoUserId = (email: string): string => {
  const index = DEMO_ACCOUNTS.findIndex((a) => a.email === email);
  if (index < 0) throw new Error(`not a demo account: ${email}`);
  return demoId("00000000", index + 1);
};

export function accountsSql(): string {
  const users = DEMO_ACCOUNTS.map((a) => {
    const p = PEOPLE[a.email];
    return `  (${sqlText(demoUserId(a.email))}, ${sqlText(a.email)}, ${sqlText(p.name)})`;
  }).join(",\n");
  const staff = DEMO_ACCOUNTS.map((a) => {
    const p = PEOPLE[a.email];
    const hired = `current_date - ${p.hiredDaysAgo}`;
    const regularised = p.regularised ? `current_date - ${Math.max(p.hiredDaysAgo - 90, 1)}` : "null";
    return `  (${sqlText(demoUserId(a.email))}, ${sqlText(p.name)}, ${sqlText(a.email)}, ${sqlText(p.phone)}, ${hired}, ${regularised})`;
  }).join(",\n");
  const roles = DEMO_ACCOUNTS.flatMap((a) =>
    PEOPLE[a.email].roles.map((r) => `  (${sqlText(demoUserId(a.email))}, ${sqlText(DEMO_PROJECT_ID)}, ${sqlText(r)})`),
  ).join(",\n");

  return `-- Demo accounts: every one with password "${DEMO_PASSWORD}". Shaped as GoTrue itself writes them,
-- so real GoTrue (hosted) signs them in too: its token columns are strings it scans ('' — NULL makes
-- it answer 500), timestamps set, and one 'email' identity per user.
insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at,
                        confirmation_token, recovery_token, email_change_token_new, email_change,
                        email_change_token_current, phone_change, phone_change_token, reauthentication_token,
                        created_at, updated_at, raw_app_meta_data, raw_user_meta_data)
select a.id::uuid, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', a.email,
       extensions.crypt('${DEMO_PASSWORD}', extensions.gen_salt('bf', 10)), now(),
       '', '', '', '', '', '', '', '', now(), now(),
       '{"provider":"email","providers":["email"]}'::jsonb, jsonb_build_object('name', a.name)
from (values
${users}
) as a(id, email, name);

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id,
       jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true, 'phone_verified', false),
       'email', now(), now(), now()
from auth.users u
where u.id in (${DEMO_ACCOUNTS.map((a) => sqlText(demoUserId(a.email))).join(", ")});

insert into public.projects (id, code, name, city, address, developer_name, presale_permit_no, developer_address)
values (${sqlText(DEMO_PROJECT_ID)}, 'HZ-YQ', '云栖雅苑', '杭州', '杭州市西湖区云栖路88号',
        '杭州云栖置业有限公司', '杭售许字（2026）第000123号', '杭州市西湖区云栖路66号');

insert into public.staff (id, name, email, phone, hired_on, regularised_on)
values
${staff};

insert into public.staff_projects (staff_id, project_id, role)
values
${roles};
`;
}
