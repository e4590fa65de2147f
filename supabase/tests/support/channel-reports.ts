import { sql } from "./clients.ts";

/**
 * A 报备 by the broker (for the broker's agency) that the customer visited `daysAgo` days ago,
 * ruled valid the day before, protecting the customer for `protectionDays` from the visit. Its id.
 */
export async function visitedReport(report: {
  projectId: string;
  brokerId: string;
  customerId: string;
  consultantId: string;
  daysAgo?: number;
  protectionDays?: number;
}): Promise<string> {
  const { projectId, brokerId, customerId, consultantId, daysAgo = 3, protectionDays = 30 } = report;
  const [b] = await sql<{ agency_id: string }>(`select agency_id from public.brokers where id = $1`, [brokerId]);
  const [c] = await sql<{ name: string; phone: string }>(`select name, phone from public.customers where id = $1`, [customerId]);
  const [row] = await sql<{ id: string }>(
    `insert into public.channel_reports (project_id, broker_id, agency_id, customer_name, phone_input, customer_phone,
       phone_prefix, phone_suffix, expected_visit_at, status, ruled_at, lapses_at, customer_id, consultant_id, visited_at,
       protection_days, protected_until, created_at)
     values ($1, $2, $3, $4, $5, $5, left($5, 3), right($5, 4), now() - make_interval(days => $6), 'visited',
       now() - make_interval(days => $6 + 1), now() + interval '7 days', $7, $8, now() - make_interval(days => $6),
       $9, now() - make_interval(days => $6) + make_interval(days => $9), now() - make_interval(days => $6 + 1))
     returning id`,
    [projectId, brokerId, b.agency_id, c.name, c.phone, daysAgo, customerId, consultantId, protectionDays],
  );
  return row.id;
}
