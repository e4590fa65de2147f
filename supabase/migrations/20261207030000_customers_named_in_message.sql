-- The bot reads "张伟 嫌贵 过两天再打", "魏国强没接电话": which of MY customers does a message name?
-- Every customer of mine whose name (two characters or more) occurs in the text, longest name
-- first (张伟 inside 张伟华 loses to 张伟华). Security invoker: RLS decides whom the caller may see,
-- and only customers they own count — someone else's 张伟 is not "mine".
create or replace function public.customers_named_in(p_project_id uuid, p_text text)
returns table (id uuid, name text, phone text, status public.customer_status, ownership_expires_at timestamptz)
language sql stable security invoker set search_path = ''
as $$
  select c.id, c.name, c.phone, c.status, c.ownership_expires_at
    from public.customers c
   where c.project_id = p_project_id
     and c.owner_id = (select auth.uid())
     and char_length(c.name) >= 2
     and strpos(coalesce(p_text, ''), c.name) > 0
   order by char_length(c.name) desc, c.created_at desc
   limit 20
$$;

revoke execute on function public.customers_named_in(uuid, text) from public, anon;
grant execute on function public.customers_named_in(uuid, text) to authenticated, service_role;
