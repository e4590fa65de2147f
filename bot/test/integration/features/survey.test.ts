import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";

const surveysBy = (staffId: string) =>
  sql<{ competitor: string; avg_price: string | null; price_min: string | null; offers: string | null; monthly_sales: number | null }>(
    `select competitor, avg_price::text, price_min::text, offers, monthly_sales from public.market_surveys where surveyed_by = $1 order by created_at`,
    [staffId],
  );

/** 可比楼盘 / /survey: a consultant logs a competitor visit on the move; a card is confirmed before it is saved. */
describe("logging a 可比楼盘 survey in the bot", () => {
  it("reads a one-line note, shows the card and saves it on 确认", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const card = me.texts(await me.say("可比楼盘 滨江春语江南 均价3.85万 3.6-4.2万 97折首付分期 月销45套 二期去化七成"))[0];
    expect(card).toContain("楼盘：滨江春语江南");
    expect(card).toContain("均价：¥38,500.00/㎡");
    expect(card).toContain("单价区间：¥36,000.00 – ¥42,000.00");
    expect(card).toContain("优惠：97折首付分期");
    expect(card).toContain("月销：45 套");
    expect(await surveysBy(me.staff.id)).toEqual([]);

    expect(me.texts(await me.tap("✅ 确认")).at(-1)).toBe("✅ 已登记 滨江春语江南 的踩盘记录，会进入本周例会纪要和本月分析报告。");
    expect(await surveysBy(me.staff.id)).toEqual([
      { competitor: "滨江春语江南", avg_price: "38500.00", price_min: "36000.00", offers: "97折首付分期", monthly_sales: 45 },
    ]);
    // the same survey again the same day: the database says so, nothing doubles
    await me.say("可比楼盘 滨江春语江南 均价3.9万");
    expect(me.texts(await me.tap("✅ 确认")).at(-1)).toBe("该日期已登记过这个楼盘的踩盘记录，请修改原记录");
    expect(await surveysBy(me.staff.id)).toHaveLength(1);
  });

  it("/survey asks step by step, insists on a price or an offer, and lets the card be changed; English works too", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    expect(me.texts(await me.say("/survey"))[0]).toContain("踩的是哪个楼盘？");
    expect(me.texts(await me.say("万科未来之光"))[0]).toContain("价格和优惠？");
    expect(me.texts(await me.say("刚开盘"))[0]).toBe("没有看到均价、单价区间或优惠，请至少发其中一项，例如：均价38500 或 97折。");
    const card = me.texts(await me.say("均价35200 送车位"))[0];
    expect(card).toContain("楼盘：万科未来之光");
    await me.tap("✏️ 修改");
    expect(me.texts(await me.say("均价36000 月销30套")).at(-1)).toContain("均价：¥36,000.00/㎡");
    await me.tap("✅ 确认");
    expect(await surveysBy(me.staff.id)).toEqual([
      { competitor: "万科未来之光", avg_price: "36000.00", price_min: null, offers: "送车位", monthly_sales: 30 },
    ]);

    const en = await person(t, ["consultant"], { languageCode: "en" });
    await en.say("/lang en");
    expect(en.texts(await en.say("/survey 绿城桂语朝阳 均价40800"))[0]).toContain("Project: 绿城桂语朝阳");
    expect(en.texts(await en.tap("✅ Confirm")).at(-1)).toContain("Survey of 绿城桂语朝阳 saved");
  });

  it("is not for brokers or finance, and nothing is saved", async () => {
    const t = await testBot();
    for (const roles of [["broker"], ["finance"]] as const) {
      const who = await person(t, [...roles]);
      expect(who.texts(await who.say("可比楼盘 滨江春语江南 均价38500"))[0]).toBe("登记可比楼盘只对本项目的置业顾问和经理开放。");
      expect(await surveysBy(who.staff.id)).toEqual([]);
    }
  });
});
