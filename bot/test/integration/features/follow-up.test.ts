import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { parseRules } from "../../../src/nlu/rules.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, testName } from "../support/sales.ts";

const followUps = (customerId: string) =>
  sql<{ method: string; content: string; next_date: string | null; staff_id: string }>(
    "select method, content, to_char(next_date, 'YYYY-MM-DD') as next_date, staff_id from public.follow_ups where customer_id = $1",
    [customerId],
  );

describe("logging a follow-up", () => {
  it("resolves the customer among mine, shows the card, and saves with the next date", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const c = await customerOf(me.staff.id, testName());
    const message = `${c.name} 电话回访 嫌价格高 下周三再约`;
    const parsed = parseRules(message, { today: todayIn() });
    const nextDate = parsed.intent === "log_follow_up" ? parsed.follow_up.next_date : null;
    expect(nextDate).not.toBeNull();

    const card = me.texts(await me.say(message))[0];
    expect(card).toContain(`客户：${c.name} ${c.phone.slice(0, 3)}****${c.phone.slice(7)}`);
    expect(card).toContain("方式：电话");
    expect(card).toContain("内容：嫌价格高");
    expect(card).toContain("（周三）");
    expect(await followUps(c.id)).toEqual([]);

    const saved = me.texts(await me.tap("✅ 确认")).at(-1)!;
    expect(saved).toContain(`✅ 已记录 ${c.name} 的电话跟进。`);
    expect(saved).toContain("客户保护期延至");
    expect(await followUps(c.id)).toEqual([{ method: "phone", content: "嫌价格高", next_date: nextDate, staff_id: me.staff.id }]);
  });

  it("offers buttons when several customers share the name, asks what is missing, and lets the date be changed", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const name = testName();
    await customerOf(me.staff.id, name);
    const second = await customerOf(me.staff.id, name);

    const pick = me.texts(await me.say(`${name} 回访`))[0];
    expect(pick).toBe(`找到多位「${name}」，请选择：`);
    expect(me.last().buttons).toHaveLength(3);
    expect(me.texts(await me.tap(new RegExp(second.phone.slice(7) + "$")))).toEqual(["跟进方式？"]);
    expect(me.texts(await me.tap("微信"))).toEqual(["跟进内容（客户的反馈、抗性）："]);
    const card = me.texts(await me.say("发了样板间视频，客户说周末带家人来"))[0];
    expect(card).toContain("下次跟进：未约");

    await me.tap("✏️ 修改");
    await me.tap("下次跟进");
    expect(me.texts(await me.say("昨天"))[0]).toBe("没有看懂日期，请发送今天以后的日期，例如：明天、下周三、12月5日。");
    expect(me.texts(await me.say("后天")).at(-1)).not.toContain("未约");
    await me.tap("✅ 确认");
    const [row] = await followUps(second.id);
    expect(row).toMatchObject({ method: "wechat", content: "发了样板间视频，客户说周末带家人来" });
    expect(row.next_date! > todayIn()).toBe(true);
  });

  it("says so when no customer of mine has that name, and writes nothing", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const none = me.texts(await me.say("韦小宝 电话回访 不感兴趣"))[0];
    expect(none).toContain("没有找到「韦小宝」");
    expect(me.texts(await me.tap("✖️ 取消")).at(-1)).toContain("已取消");
    expect(await sql("select 1 from public.follow_ups where staff_id = $1", [me.staff.id])).toEqual([]);
  });
});
