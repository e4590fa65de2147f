import type { LocalStack } from "./stack.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export function printStackBanner(stack: LocalStack): void {
  const lines = [
    `Supabase API   ${stack.url}   (REST ${stack.url}/rest/v1, Auth ${stack.url}/auth/v1)`,
    `Postgres       ${stack.dbUrl}`,
    `anon key       ${stack.anonKey}`,
    stack.migrations.applied.length ? `已应用迁移 migrations applied: ${stack.migrations.applied.join(", ")}` : "迁移已是最新 migrations up to date",
    stack.migrations.seeded ? "已导入演示数据 demo data seeded" : "",
    "",
    `演示账号 Demo accounts (密码 password: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(24)} ${a.label}`),
  ];
  console.log(lines.filter((l, i) => l !== "" || i > 0).join("\n"));
}
