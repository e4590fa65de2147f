import type { LocalStack } from "./stack.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export function printStackBanner(stack: LocalStack): void {
  const lines = [
    `Supabase API   ${stack.url}   (REST ${stack.url}/rest/v1, Auth ${stack.url}/auth/v1)`,
    `Postgres       ${stack.postgresUrl}   (超级用户 superuser: ${stack.dbUrl})`,
    `publishable key ${stack.publishableKey}   (legacy anon key ${stack.anonKey})`,
    `secret key      ${stack.secretKey}   (legacy service_role key ${stack.serviceRoleKey}; 仅服务器 server only)`,
    ...(stack.migrations.ranAs.superuser
      ? [
          "注意：此本地数据库创建于旧版本，迁移仍以超级用户运行；npm run reset 后与托管 Supabase 一致。",
          "Note: this local database predates the hosted role model and migrations still run as a superuser; npm run reset makes it match hosted Supabase.",
        ]
      : []),
    migrationsLine(stack.migrations.applied),
    ...(stack.migrations.seeded ? ["已导入演示数据 demo data seeded"] : []),
    "",
    `演示账号 Demo accounts (密码 password: ${DEMO_PASSWORD})`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(24)} ${a.label}`),
  ];
  console.log(lines.join("\n"));
}

function migrationsLine(applied: string[]): string {
  if (applied.length === 0) return "迁移已是最新 migrations up to date";
  const names = applied.length > 3 ? `${applied.slice(0, 2).join(", ")} … ${applied.at(-1)}` : applied.join(", ");
  return `已应用 ${applied.length} 个迁移 ${applied.length} migrations applied: ${names}`;
}
