import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import { defaultStackOptions } from "./config.ts";

/** `npm run reset [-- --yes]`: wipe the local database; the next start rebuilds it with demo data. */
const { dataDir } = defaultStackOptions();
const root = path.dirname(dataDir);

if (!fs.existsSync(root)) {
  console.log("没有本地数据，无需重置。Nothing to reset.");
  process.exit(0);
}
if (!process.argv.includes("--yes")) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`将删除本地数据库 ${root}（演示数据会在下次启动时重建）。确定吗？This deletes the local database. Continue? [y/N] `);
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) {
    console.log("已取消。Cancelled.");
    process.exit(0);
  }
}
const lock = path.join(dataDir, "postmaster.pid");
if (fs.existsSync(lock)) {
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    console.error(`本地数据库正在运行（pid ${pid}），请先停止 npm start。The local database is running (pid ${pid}); stop npm start first.`);
    process.exit(1);
  } catch {
    // not running: safe to delete
  }
}
fs.rmSync(root, { recursive: true, force: true });
console.log(`已删除 ${root}。Deleted. Run npm start to rebuild it with demo data.`);
