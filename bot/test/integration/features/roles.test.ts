import { describe, expect, it } from "vitest";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { testBot, type TestBot } from "../support/bot.ts";
import { answerOf, delivery, person } from "../support/chat.ts";
import { customerOf, freshPhone, PROJECT, testName } from "../support/sales.ts";

const COOPERATING_AGENCY = "aa090000-0000-4000-8000-000000000001"; // 安居客源 (seed), cooperation in force

async function broker(t: TestBot) {
  const p = await person(t, ["broker"], { name: "角色经纪人" });
  const [b] = await sql<{ id: string }>("insert into public.brokers (user_id, agency_id, name) values ($1, $2, $3) returning id", [p.staff.id, COOPERATING_AGENCY, p.staff.name]);
  return { ...p, brokerId: b.id, p };
}

/** A report of this broker, arranged in SQL, expected at `at` (a valid one, as if ruled at submission). */
const reportAt = (brokerId: string, name: string, phone: string, at: string, status = "valid") =>
  sql(
    `insert into public.channel_reports (project_id, broker_id, agency_id, customer_name, phone_input, phone_prefix, phone_suffix,
                                         expected_visit_at, status, lapses_at)
     values ($1, $2, $3, $4, $5, substr($5, 1, 3), right($5, 4), $6::timestamptz, $7::public.report_status, $6::timestamptz + interval '1 day')`,
    [PROJECT, brokerId, COOPERATING_AGENCY, name, phone, at, status],
  );

/** hh:mm of today in Shanghai as an instant. */
const shanghai = (hour: number, days = 0) => {
  const [y, m, d] = todayIn().split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days, hour - 8));
};

describe("the bot per role", () => {
  it("gives each role its own /help and command menu", async () => {
    const t = await testBot();
    const b = await broker(t);
    const director = await person(t, ["marketing_director"]);
    const consultant = await person(t, ["consultant"]);

    const calls = await b.p.say("/help");
    const help = b.p.texts(calls)[0];
    expect(help).toContain("• 经纪人：");
    expect(help).toContain("• 报备 李四 138****5678 明天下午3点到访");
    expect(help).toContain("/commission 我的佣金");
    expect(help).toContain("/reports 我的报备");
    expect(help).not.toContain("/register");
    expect(help).not.toContain("/discount");
    expect(help).not.toContain("申请97折");
    const menu = calls.find((c) => c.method === "setMyCommands");
    expect(menu?.payload.scope).toEqual({ type: "chat", chat_id: b.p.chatId });
    expect(menu?.payload.commands.map((c: { command: string }) => c.command)).toEqual(["today", "report", "reports", "commission", "cancel", "help", "whoami", "lang", "start"]);

    const dHelp = director.texts(await director.say("/help"))[0];
    expect(dHelp).toContain("/daily 销售日报");
    expect(dHelp).toContain("日报 / /daily");
    expect(dHelp).toContain("撞单通知上可直接点");
    expect(dHelp).not.toContain("/commission");

    const cHelp = consultant.texts(await consultant.say("/help"))[0];
    expect(cHelp).toContain("/requests 我的申请");
    expect(cHelp).toContain("我的申请审批到哪了");
    expect(cHelp).not.toContain("/daily");
    expect(cHelp).not.toContain("/commission");

    const manager = await person(t, ["sales_manager"]);
    const mHelp = manager.texts(await manager.say("/help"))[0];
    expect(mHelp).toContain("撞单通知上可直接点");
    expect(mHelp).not.toContain("/daily");
    const menuOf = async (roles: Parameters<typeof person>[1]) => {
      const p = await person(t, roles);
      const c = (await p.say("/help")).find((x) => x.method === "setMyCommands");
      return c?.payload.commands.map((x: { command: string }) => x.command);
    };
    expect(await menuOf(["finance"])).toEqual(["today", "cancel", "help", "whoami", "lang", "start"]);
    expect(await menuOf(["channel_manager"])).toEqual(["cancel", "help", "whoami", "lang", "start"]);
    expect(await menuOf(["consultant"])).toEqual(["today", "register", "followup", "survey", "outing", "discount", "requests", "cancel", "help", "whoami", "lang", "start"]);
    expect(await menuOf(["gm"])).toEqual(["today", "register", "followup", "survey", "outing", "discount", "requests", "daily", "cancel", "help", "whoami", "lang", "start"]);

    // English speakers get the English menu.
    await consultant.say("/lang en");
    const en = await consultant.say("/help");
    expect(en.find((c) => c.method === "setMyCommands")?.payload.commands[0]).toEqual({ command: "today", description: "My day" });
  });

  it("shows a broker their customers visiting today and their commission; others get neither", async () => {
    const t = await testBot();
    const b = await broker(t);
    const today = testName();
    const tomorrow = testName();
    const phone = freshPhone();
    await reportAt(b.brokerId, today, phone, `${todayIn()}T15:30:00+08:00`);
    await reportAt(b.brokerId, tomorrow, freshPhone(), shanghai(15, 1).toISOString());
    await reportAt(b.brokerId, testName(), freshPhone(), shanghai(15, 2).toISOString(), "pending");

    const day = b.p.texts(await b.p.say("/today"))[0];
    expect(day).toMatch(/^📅 \d+月\d+日（周.） 我的客户到访：/);
    expect(day).toContain(`• 15:30 ${today} ${phone.slice(0, 3)}****${phone.slice(7)}（有效）`);
    expect(day).not.toContain(tomorrow);
    expect(day).toContain("另有 1 条报备等待判客");

    const reports = b.p.texts(await b.p.say("我的报备"))[0];
    expect(reports).toContain(today);
    expect(reports).toContain(tomorrow);
    expect(b.p.texts(await b.p.say("我的佣金"))).toEqual(["您还没有佣金记录（客户签约后按合作条款计算）。"]);
    const consultant = await person(t, ["consultant"]);
    expect(consultant.texts(await consultant.say("我的佣金"))).toEqual(["只有经纪人可以查看佣金。"]);
    // A consultant's /today is still the consultant's.
    expect(consultant.texts(await consultant.say("/today"))[0]).not.toContain("我的客户到访");
  });

  it("gives directors the 日报 on request and once each evening; a consultant is refused", async () => {
    const t = await testBot();
    const director = await person(t, ["marketing_director"]);
    const consultant = await person(t, ["consultant"]);
    const report = director.texts(await director.say("日报"))[0];
    expect(report).toMatch(/^📊 云栖雅苑 销售日报 · \d+月\d+日（周.）/);
    expect(report).toMatch(/来访 \d+ 组（首访 \d+）· 来电 \d+ · 新客户 \d+ · 锁定 \d+/);
    expect(report).toMatch(/认购 \d+ 套 ¥[\d,]+\.\d\d · 签约 \d+ 套/);
    expect(director.texts(await director.say("/daily"))[0]).toMatch(/^📊 云栖雅苑 销售日报/);
    expect(consultant.texts(await consultant.say("/daily"))).toEqual(["日报只对营销部长、主管副总和总经理开放。"]);

    const { outbox, digests } = delivery(t);
    const evening = () => director.messages().filter((m) => m.text.includes("（晚间自动推送）"));
    await digests.round(shanghai(19));
    await outbox.drain();
    expect(evening()).toHaveLength(0);
    await digests.round(shanghai(20));
    await digests.round(shanghai(21));
    await outbox.drain();
    expect(evening()).toHaveLength(1);
    expect(consultant.messages().some((m) => m.text.includes("销售日报"))).toBe(false);
  });

  it("lets a manager rule a 撞单 from the notification with rule_collision; the parties cannot", { timeout: 120_000 }, async () => {
    const t = await testBot();
    const { outbox } = delivery(t);
    const owner = await person(t, ["consultant"], { name: "原顾问" });
    const claimant = await person(t, ["consultant"], { name: "登记顾问" });
    const manager = await person(t, ["sales_manager"]);
    const c = await customerOf(owner.staff.id, testName());
    const asClaimant = await signedIn(claimant.staff.email);
    const reg = await asClaimant.rpc("register_customer", { p_project_id: PROJECT, p_name: c.name, p_phone: c.phone, p_source: "walk_in" });
    expect(reg.error).toBeNull();
    await outbox.drain();

    const notice = manager.withButton("➡️ 转给登记人").message;
    expect(notice.text).toContain(c.name);
    expect(notice.buttons.map((b) => b.text)).toEqual(["✋ 维持原归属", "➡️ 转给登记人"]);
    const ownerNotice = owner.messages().find((m) => m.text.includes(c.name))!;
    expect(ownerNotice.buttons).toEqual([]);

    // The owner forging the manager's button is refused before any question.
    const forged = manager.withButton("➡️ 转给登记人").button.data;
    expect(answerOf(await owner.tapData(forged))).toBe("只有本项目的销售经理及以上可以裁定撞单。");
    expect(answerOf(await manager.tapData("cl:xyz:t"))).toBe("这个按钮无效，未做任何更改。");

    await manager.tap("➡️ 转给登记人");
    expect(manager.last().text).toBe("请填写裁定理由（转给登记人），当事顾问都会看到：");
    const ruled = manager.texts(await manager.say("登记顾问先接待并有录音"));
    expect(ruled.at(-1)).toBe(`⚖️ 已裁定：${c.name} 转给登记人。理由：登记顾问先接待并有录音`);
    const [after] = await sql<{ owner_id: string }>("select owner_id from public.customers where id = $1", [c.id]);
    expect(after.owner_id).toBe(claimant.staff.id);

    // A second tap: already ruled, nothing asked.
    expect(answerOf(await manager.tap("✋ 维持原归属"))).toBe("该撞单已裁定，无需再处理。");
    const [col] = await sql<{ status: string; decision_reason: string }>("select status, decision_reason from public.customer_collisions where customer_id = $1", [c.id]);
    expect(col).toEqual({ status: "transferred", decision_reason: "登记顾问先接待并有录音" });
  });
});
