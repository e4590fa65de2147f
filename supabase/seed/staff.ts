import { DEMO_PROJECT_ID, demoUserId } from "./accounts.ts";
import { demoId, sqlText } from "./random.ts";

/**
 * The demo invitation's token (local demo data only; real tokens are random and shown once):
 * open http://localhost:5173/register?token=demo-newhire-invitation&email=newhire@demo.local
 */
export const DEMO_INVITATION_TOKEN = "demo-newhire-invitation";

/**
 * Staff demo data: an invitation still waiting to be accepted (newhire@demo.local, consultant in
 * the demo project — open its link, DEMO_INVITATION_TOKEN, and sign up with that email to see the
 * roles applied), and bot notifications
 * that failed to reach consultant3, who has not bound Telegram (what 推送失败 shows admins).
 */
export function staffSql(): string {
  const admin = sqlText(demoUserId("admin@demo.local"));
  const consultant3 = sqlText(demoUserId("consultant3@demo.local"));
  const manager = sqlText(demoUserId("manager@demo.local"));
  const project = sqlText(DEMO_PROJECT_ID);
  return `-- Staff: a pending invitation, failed bot notifications.
insert into public.staff_invitations (id, email, name, roles, invited_by, created_at, expires_at, token_hash)
values (${sqlText(demoId("aa1a0000", 1))}, 'newhire@demo.local', '赵新', '[{"project_id": "${DEMO_PROJECT_ID}", "role": "consultant"}]'::jsonb,
        ${admin}, now() - interval '1 day', now() + interval '6 days', private.invitation_token_hash(${sqlText(DEMO_INVITATION_TOKEN)}));

insert into public.notifications (recipient_id, project_id, kind, payload, status, attempts, next_attempt_at, last_error, created_at)
values
  (${consultant3}, ${project}, 'approval_decided', '{"decision": "rejected"}'::jsonb, 'failed', 5, now() - interval '2 hours',
   'Forbidden: bot was blocked by the user', now() - interval '1 day 3 hours'),
  (${consultant3}, ${project}, 'follow_up_due', '{"customers": 3}'::jsonb, 'failed', 5, now() - interval '5 hours',
   'Bad Request: chat not found', now() - interval '20 hours'),
  (${manager}, ${project}, 'approval_waiting', '{}'::jsonb, 'failed', 1, now() - interval '3 days',
   'Forbidden: bot was blocked by the user', now() - interval '3 days');
`;
}
