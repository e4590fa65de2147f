-- The scheduled job also reminds of 签约期限: a subscription within a day of its contract deadline,
-- and one past it, is told to its consultant and the sales managers once
-- (private.remind_contract_deadlines keeps its own log, so running every minute is safe).
create or replace function public.run_reminders(p_now timestamptz default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
begin
  perform private.require_service_role();
  return jsonb_build_object(
    'follow_up_due', private.remind_follow_ups(v_now),
    'customer_pooled', private.remind_pooling(v_now),
    'payments', private.remind_payments(v_now),
    'finance_digest', private.enqueue_finance_digests(v_now),
    'daily_digest', public.enqueue_digests(v_now),
    'contract_deadline', private.remind_contract_deadlines());
end
$$;
