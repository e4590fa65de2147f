-- One clock for every reminder: run_reminders also sends the 客户分析会 deadlines
-- (private.remind_review_deadlines), the hold-lapse warnings (private.remind_holds) and queues the
-- evening 日报 (enqueue_evening_reports), so the bot's
-- scheduler and a hosted pg_cron job call one function. run_hold_reminders and
-- enqueue_evening_reports stay for callers that want only theirs.
create or replace function public.run_reminders(p_now timestamptz default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_now timestamptz := coalesce(p_now, now());
  v_result jsonb;
begin
  perform private.require_service_role();
  v_result := jsonb_build_object(
    'follow_up_due', private.remind_follow_ups(v_now),
    'customer_pooled', private.remind_pooling(v_now),
    'payments', private.remind_payments(v_now),
    'finance_digest', private.enqueue_finance_digests(v_now),
    'daily_digest', public.enqueue_digests(v_now),
    'contract_deadline', private.remind_contract_deadlines(),
    'review_deadline', private.remind_review_deadlines(v_now),
    'hold_expiring', private.remind_holds(v_now),
    'evening_report', public.enqueue_evening_reports(v_now));
  return v_result;
end
$$;
