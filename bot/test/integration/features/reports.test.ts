import { describe, expect, it } from "vitest";
import { demoUserId } from "../../../../supabase/seed/accounts.ts";
import { signedIn, sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot, type TestBot } from "../support/bot.ts";
import { delivery, person } from "../support/chat.ts";
import { customerOf, freshPhone, testName } from "../support/sales.ts";

const COOPERATING_AGENCY = "aa090000-0000-4000-8000-000000000001"; // 安居客源 (seed), cooperation in force

async function broker(t: TestBot) {
  const p = await person(t, ["broker"], { name: "测试经纪人" });
  await sql("insert into public.brokers (user_id, agency_id, name) values ($1, $2, $3)", [p.staff.id, COOPERATING_AGENCY, p.staff.name]);
  return p;
}

const reportsOf = (staffId: string) =>
  sql<{ customer_name: string; status: string; invalid_reason: string | null }>(
    `select r.customer_name, r.status::text, r.invalid_reason from public.channel_reports r
       join public.brokers b on b.id = r.broker_id where b.user_id = $1 order by r.created_at`,
    [staffId],
  );

describe("brokers report customers", () => {
  it("confirms the report, rules at once (判客) with the reason, and lists my reports", async () => {
    const t = await testBot();
    const me = await broker(t);
    const consultant = await person(t, ["consultant"]);
    const taken = await customerOf(consultant.staff.id, testName());
    const phone = freshPhone();

    const card = me.texts(await me.say(`报备 李四 ${phone} 明天下午3点到访`))[0];
    expect(card).toContain("客户：李四");
    expect(card).toContain(`手机：${phone}`);
    expect(card).toMatch(/预计到访：\d+月\d+日（周.）15:00/);
    expect(card).toContain("项目：云栖雅苑");
    expect(await reportsOf(me.staff.id)).toEqual([]);
    const valid = me.texts(await me.tap("✅ 确认报备"));
    expect(valid.at(-1)).toMatch(/^✅ 判客结果：有效。请按时带客户到访，未到访的报备于 .+ 失效。$/);

    await me.say(`报备 ${taken.name} ${taken.phone} 后天上午10点`);
    expect(me.texts(await me.tap("✅ 确认报备")).at(-1)).toBe("❌ 判客结果：无效。原因：该客户已是本项目在权属保护期内的客户");

    // A masked number matching a protected customer waits for the visit to be checked.
    await me.say(`报备 赵六 ${taken.phone.slice(0, 3)}****${taken.phone.slice(7)} 后天下午2点`);
    expect(me.texts(await me.tap("✅ 确认报备")).at(-1)).toBe("⏳ 判客结果：待判定。隐号报备需在到访时核验完整手机号后确认。");

    expect(await reportsOf(me.staff.id)).toEqual([
      { customer_name: "李四", status: "valid", invalid_reason: null },
      { customer_name: taken.name, status: "invalid", invalid_reason: "already_customer" },
      { customer_name: "赵六", status: "pending", invalid_reason: null },
    ]);

    const list = me.texts(await me.say("/reports"))[0];
    expect(list.split("\n")[0]).toBe("📋 我的报备（最近3条）：");
    expect(list).toContain("无效：该客户已是本项目在权属保护期内的客户");
    expect(list).toContain("待判定");

    // The rulings were shown in the chat: the outbox does not send them again.
    const before = me.messages().length;
    await delivery(t).outbox.drain();
    expect(me.messages()).toHaveLength(before);
  });

  it("a visit confirmed a minute after the report: the broker is told it was late, with the reason, and /reports shows it", async () => {
    const t = await testBot();
    const me = await broker(t);
    const phone = freshPhone();
    await me.say(`报备 孙八 ${phone} 明天下午3点到访`);
    me.texts(await me.tap("✅ 确认报备"));
    const [{ id }] = await sql<{ id: string }>(
      "select r.id from public.channel_reports r join public.brokers b on b.id = r.broker_id where b.user_id = $1", [me.staff.id]);
    await sql("update public.channel_reports set created_at = now() - interval '1 minute' where id = $1", [id]);
    // the customer is at the door already: the channel manager confirms the visit
    const channel = await signedIn("channel");
    const { data, error } = await channel.rpc("confirm_visit", {
      p_report_id: id, p_full_phone: phone, p_consultant_id: demoUserId("consultant1@demo.local"),
    });
    expect(error).toBeNull();
    expect(data).toMatchObject({ status: "invalid", invalid_reason: "visit_too_soon" });

    await delivery(t).outbox.drain();
    const told = me.messages().at(-1)!.text;
    expect(told).toMatch(/^📝 报备客户 孙八：\n❌ 判客结果：无效。原因：报备过晚：报备提交于 .+，距提交仅 1 分钟（须至少 60 分钟），不予保护$/);
    const list = me.texts(await me.say("/reports"))[0];
    expect(list).toContain("孙八");
    expect(list).toMatch(/无效：报备过晚：报备提交于 .+，距提交仅 1 分钟（须至少 60 分钟），不予保护/);
  });

  it("asks for a valid phone and a visit time when the message lacks them", async () => {
    const t = await testBot();
    const me = await broker(t);
    expect(me.texts(await me.say("报备 王二 明天"))).toEqual(["客户手机号？可填完整11位，或隐藏中间四位如 138****5678："]);
    expect(me.texts(await me.say("138**5678"))[0]).toBe("手机号格式不正确：请填写11位手机号，或隐藏中间四位如 138****5678。");
    expect(me.texts(await me.say("138****5678")).at(-1)).toBe("预计到访时间？例如：明天下午3点、12月5日 10:00");
    expect(me.texts(await me.say("明天"))[0]).toBe("没有看懂到访时间，请写明日期和几点，例如：明天下午3点。");
    expect(me.texts(await me.say("明天上午11点")).at(-1)).toContain("预计到访：");
    expect(me.texts(await me.tap("✖️ 取消")).at(-1)).toContain("已取消");
    expect(await reportsOf(me.staff.id)).toEqual([]);
  });
});
