import crypto from "node:crypto";
import { parseArgs } from "node:util";
import { loadEnvFile } from "../shared/src/env-file.ts";
import { createNodeClient } from "../shared/src/supabase-node.ts";
import { supabaseKeysFromEnv } from "../shared/src/supabase-keys.ts";

/**
 * `npm run setup:admin -- --email … --name … --project-code … --project-name … --city …`
 * The first administrator and project on a fresh (hosted) database: the Auth user through the Auth
 * admin API (secret key), then `setup_first_admin`, which the database allows only while there is
 * no staff at all. The password comes from SETUP_ADMIN_PASSWORD, or a random one is printed once.
 * If the second step is refused, the Auth user made by the first is deleted again.
 */
loadEnvFile();
const fail = (zh: string, en: string, code = 1): never => {
  console.error(`${zh}\n${en}`);
  process.exit(code);
};

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    phone: { type: "string" },
    "project-code": { type: "string" },
    "project-name": { type: "string" },
    city: { type: "string" },
  },
});
const url = process.env.SUPABASE_URL?.trim();
const { secretKey } = supabaseKeysFromEnv(process.env);
if (!url || !secretKey) {
  fail("需要 SUPABASE_URL 与 SUPABASE_SECRET_KEY（或 SUPABASE_SERVICE_ROLE_KEY）。", "SUPABASE_URL and SUPABASE_SECRET_KEY (or SUPABASE_SERVICE_ROLE_KEY) are required.", 2);
}
const missing = (["email", "name", "project-code", "project-name", "city"] as const).filter((k) => !values[k]?.trim());
if (missing.length) {
  fail(
    `缺少参数：${missing.map((m) => `--${m}`).join(" ")}\n用法：npm run setup:admin -- --email a@example.com --name 张三 --project-code HZ-01 --project-name 云栖雅苑 --city 杭州 [--phone 139…]`,
    `Missing: ${missing.map((m) => `--${m}`).join(" ")}`,
    2,
  );
}

const service = createNodeClient(url!, secretKey!);
const staff = await service.from("staff").select("id", { count: "exact", head: true });
if (staff.error) fail(`无法读取数据库：${staff.error.message}`, "Cannot read the database (migrations pushed? right key?).");
if ((staff.count ?? 0) > 0) {
  fail("系统已有员工：首位管理员只能在空数据库上创建。请由现有管理员在后台邀请新员工。", "Staff already exist: an existing administrator invites new staff in the admin.");
}

const generated = !process.env.SETUP_ADMIN_PASSWORD;
const password = process.env.SETUP_ADMIN_PASSWORD || crypto.randomBytes(18).toString("base64url");
const email = values.email!.trim().toLowerCase();
const created = await service.auth.admin.createUser({ email, password, email_confirm: true, user_metadata: { name: values.name!.trim() } });
if (created.error || !created.data.user) {
  fail(`创建登录账号失败：${created.error?.message}`, `Creating the Auth user failed: ${created.error?.message}`);
}
const userId = created.data.user!.id;
const setup = await service.rpc("setup_first_admin", {
  p_user_id: userId,
  p_name: values.name!,
  p_phone: values.phone ?? "",
  p_project_code: values["project-code"]!,
  p_project_name: values["project-name"]!,
  p_city: values.city!,
});
if (setup.error) {
  await service.auth.admin.deleteUser(userId);
  fail(`未创建（登录账号已撤销）：${setup.error.message}`, `Nothing created (the Auth user was removed again): ${setup.error.hint ?? setup.error.message}`);
}
console.log(`已创建首位管理员 First administrator created: ${email}（项目 project ${values["project-code"]} ${values["project-name"]}, id ${setup.data}）`);
if (generated) console.log(`初始密码（只显示这一次，请登录后在「修改密码」中更改）Initial password (shown once; change it under 修改密码): ${password}`);
