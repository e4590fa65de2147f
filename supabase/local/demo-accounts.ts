/** The demo accounts seeded on the local stack (supabase/seed.sql creates them). */
export const DEMO_PASSWORD = "demo-password";

export const DEMO_ACCOUNTS = [
  { email: "admin@demo.local", label: "系统管理员 admin" },
  { email: "gm@demo.local", label: "总经理 general manager" },
  { email: "vp@demo.local", label: "主管副总 VP" },
  { email: "director@demo.local", label: "营销部长 marketing director" },
  { email: "manager@demo.local", label: "销售经理 sales manager" },
  { email: "consultant1@demo.local", label: "置业顾问 consultant" },
  { email: "consultant2@demo.local", label: "置业顾问 consultant" },
  { email: "consultant3@demo.local", label: "置业顾问 consultant (试用期 probation)" },
  { email: "finance@demo.local", label: "财务 finance" },
  { email: "channel@demo.local", label: "渠道经理 channel manager" },
  { email: "broker1@demo.local", label: "经纪人 broker" },
  { email: "broker2@demo.local", label: "经纪人 broker" },
] as const;
