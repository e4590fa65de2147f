import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";

/** This month's 销售指标 for 云栖雅苑: the project's and each consultant's share. */
const MANAGER = demoUserId("manager@demo.local");
const MONTH = "date_trunc('month', (now() at time zone 'Asia/Shanghai'))::date";

const TARGETS: [string | null, number, string, string, string][] = [
  [null, 24, "72000000.00", "48000000.00", "40000000.00"],
  [demoUserId("consultant1@demo.local"), 10, "30000000.00", "20000000.00", "16000000.00"],
  [demoUserId("consultant2@demo.local"), 9, "27000000.00", "18000000.00", "15000000.00"],
  [demoUserId("consultant3@demo.local"), 5, "15000000.00", "10000000.00", "9000000.00"],
];

export function targetsSql(): string {
  const values = TARGETS.map(
    ([staff, n, sub, contract, collections]) =>
      `('${DEMO_PROJECT_ID}', ${MONTH}, ${staff ? `'${staff}'` : "null"}, ${n}, ${sub}, ${contract}, ${collections}, '${MANAGER}')`,
  ).join(",\n  ");
  return `
-- 销售指标: this month's targets.
insert into public.sales_targets (project_id, month, staff_id, subscriptions, subscription_amount, contract_amount, collections, set_by) values
  ${values};
`;
}
