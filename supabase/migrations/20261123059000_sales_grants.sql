-- Part A's RPCs are for signed-in users only: each one checks the caller's role anyway, but an
-- anonymous request should not reach them at all. (Default privileges grant execute to anon and
-- to PUBLIC; authenticated and service_role keep their explicit grants.)
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure
      from pg_proc p
     where p.pronamespace = 'public'::regnamespace
       and p.proname in (
         'hold_unit', 'release_unit', 'withhold_unit', 'unwithhold_unit', 'import_price_list',
         'register_customer', 'claim_customer', 'rule_collision', 'reassign_customers', 'update_customer',
         'mark_customer_lost', 'search_customers',
         'submit_report', 'confirm_visit',
         'reception_check_in', 'reception_check_out', 'reception_set_busy', 'next_walk_in',
         'record_visit', 'record_call', 'log_follow_up', 'file_complaint', 'update_complaint')
  loop
    execute format('revoke execute on function %s from public, anon', f);
    execute format('grant execute on function %s to authenticated, service_role', f);
  end loop;
end
$$;
