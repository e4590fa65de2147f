-- Demo data for the local stack only (never pushed to a hosted project).
-- Demo accounts: every one with password "demo-password".

insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data)
select a.id::uuid, '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated', a.email,
       extensions.crypt('demo-password', extensions.gen_salt('bf', 10)), now(),
       '{"provider":"email","providers":["email"]}'::jsonb,
       jsonb_build_object('name', a.name)
from (values
  ('00000000-0000-4000-8000-000000000001', 'admin@demo.local',       '周管理'),
  ('00000000-0000-4000-8000-000000000002', 'gm@demo.local',          '郑总'),
  ('00000000-0000-4000-8000-000000000003', 'vp@demo.local',          '吴副总'),
  ('00000000-0000-4000-8000-000000000004', 'director@demo.local',    '孙部长'),
  ('00000000-0000-4000-8000-000000000005', 'manager@demo.local',     '李经理'),
  ('00000000-0000-4000-8000-000000000006', 'consultant1@demo.local', '王芳'),
  ('00000000-0000-4000-8000-000000000007', 'consultant2@demo.local', '陈磊'),
  ('00000000-0000-4000-8000-000000000008', 'consultant3@demo.local', '刘婷'),
  ('00000000-0000-4000-8000-000000000009', 'finance@demo.local',     '赵会计'),
  ('00000000-0000-4000-8000-000000000010', 'channel@demo.local',     '钱渠道'),
  ('00000000-0000-4000-8000-000000000011', 'broker1@demo.local',     '黄经纪'),
  ('00000000-0000-4000-8000-000000000012', 'broker2@demo.local',     '林经纪')
) as a(id, email, name);

insert into public.projects (id, code, name, city, address)
values ('10000000-0000-4000-8000-000000000001', 'HZ-YL', '云栖雅苑', '杭州', '杭州市西湖区云栖路88号');
