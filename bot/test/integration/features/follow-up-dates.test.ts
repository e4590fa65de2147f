import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { formatDay, todayIn } from "../../../src/features/common/clock.ts";
import { addDays } from "../../../src/nlu/calendar.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { customerOf, testName } from "../support/sales.ts";

const nextDates = (customerId: string) =>
  sql<{ next_date: string | null }>("select to_char(next_date, 'YYYY-MM-DD') as next_date from public.follow_ups where customer_id = $1", [customerId]);

describe("the next follow-up date is always asked for", () => {
  it("a card without a next date offers 明天 / 3天后 / 一周后 / 不再约 beside 确认", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const a = await customerOf(me.staff.id, testName());
    const card = me.texts(await me.say(`${a.name} 微信 发了价格表`))[0];
    expect(card).toContain("下次跟进：未约（可点下方按钮约下次）");
    expect(me.last().buttons.map((b) => b.text)).toEqual(["✅ 确认", "✏️ 修改", "✖️ 取消", "明天", "3天后", "一周后", "不再约"]);
    const redrawn = me.texts(await me.tap("3天后")).at(-1)!;
    const day = addDays(todayIn(), 3);
    expect(redrawn).toContain(`下次跟进：${formatDay(day, "zh-CN")}`);
    expect(me.last().buttons.map((b) => b.text)).toEqual(["✅ 确认", "✏️ 修改", "✖️ 取消"]);
    await me.tap("✅ 确认");
    expect(await nextDates(a.id)).toEqual([{ next_date: day }]);

    const b = await customerOf(me.staff.id, testName());
    await me.say(`${b.name} 微信 不感兴趣`);
    expect(me.texts(await me.tap("不再约")).at(-1)).toContain("下次跟进：未约");
    await me.tap("✅ 确认");
    expect(await nextDates(b.id)).toEqual([{ next_date: null }]);
  });

  it("元旦后 is asked, quoting the words; 月底 is estimated and said so on the card", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const a = await customerOf(me.staff.id, testName());
    expect(me.texts(await me.say(`${a.name} 电话 元旦后再联系`))).toEqual(["跟进内容（客户的反馈、抗性）："]);
    expect(me.texts(await me.say("说元旦后再联系"))).toEqual(["「元旦后」具体是哪天再跟进？例如：1月5日、下周三（不约请点「跳过」）"]);
    const card = me.texts(await me.say("后天")).at(-1)!;
    expect(card).toContain(`下次跟进：${formatDay(addDays(todayIn(), 2), "zh-CN")}`);

    const b = await customerOf(me.staff.id, testName());
    await me.tap("✖️ 取消");
    const loose = me.texts(await me.say(`${b.name} 电话 嫌贵 月底前回访`)).at(-1)!;
    expect(loose).toMatch(/下次跟进：\d+月\d+日（周.）（按「月底」估算，可修改）/);
  });
});
