import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { person } from "../support/chat.ts";
import { PROJECT } from "../support/sales.ts";

/** 我的指标 / /target: the month's target and progress — the project's line and the person's own. */
describe("sales targets in the bot", () => {
  it("a consultant sees the project's line and their own; a broker is told it is not for them", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"], { name: "指标顾问" });
    const colleague = await person(t, ["consultant"], { name: "指标同事" });
    await sql(
      `insert into public.sales_targets (project_id, month, staff_id, subscriptions, subscription_amount, contract_amount, collections)
       values ($1, date_trunc('month', private.project_today($1))::date, $2, 4, 12000000, 0, 0),
              ($1, date_trunc('month', private.project_today($1))::date, $3, 6, 18000000, 0, 0)
       on conflict do nothing`,
      [PROJECT, me.staff.id, colleague.staff.id],
    );

    const reply = me.texts(await me.say("我的指标"))[0];
    expect(reply).toMatch(/^🎯 云栖雅苑 .+ 销售指标/);
    expect(reply).toContain("项目：认购 ");
    expect(reply).toContain("我：认购 0/4（0%） · 认购金额 ¥0.00/¥12,000,000.00（0%）");
    expect(reply).not.toContain("指标同事");
    expect(me.texts(await me.say("/target"))[0]).toBe(reply);

    const broker = await person(t, ["broker"]);
    expect(broker.texts(await broker.say("/target"))[0]).toBe("您在当前项目没有查看销售指标的权限。");
  });
});
