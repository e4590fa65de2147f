import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { testBot } from "../support/bot.ts";
import { answerOf, person } from "../support/chat.ts";
import { customerOf, testBuilding, testName } from "../support/sales.ts";

describe("finding units", () => {
  it("lists the available units a page at a time, with the database's count", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const b = await testBuilding(10);
    await sql("update public.units set status = 'withheld' where id = $1", [b.units[9].id]); // 销控: not offered
    await sql("update public.units set status = 'held', hold_expires_at = now() - interval '1 minute' where id = $1", [b.units[8].id]); // lapsed hold: available

    const page1 = me.texts(await me.say(`${b.code}栋还有三房吗`))[0];
    expect(page1.split("\n")[0]).toBe(`🏠 可售房源 9 套（${b.code}栋 · 3室），第 1/2 页：`);
    expect(page1).toContain(`1. ${b.units[0].label}  3室2厅2卫  100㎡  300万`);
    expect(me.last().buttons.map((x) => x.text)).toContain("下一页 ›");

    const page2 = me.texts(await me.tap("下一页 ›"));
    expect(page2[0]).toContain("第 2/2 页");
    expect(page2[0]).toContain(`9. ${b.units[8].label}`);
    expect(me.last().buttons.map((x) => x.text)).toContain("‹ 上一页");

    // A forged page button is answered, not obeyed.
    expect(answerOf(await me.tapData("uq:x:::::::"))).toBe("这个按钮已失效。");
  });

  it("reads price and area limits", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const calls = await me.say("300万以内 120平左右");
    const text = me.texts(calls)[0];
    const [{ total }] = await sql<{ total: string }>(
      `select count(*)::text as total from public.unit_board
        where project_id = '10000000-0000-4000-8000-000000000001' and status = 'available'
          and list_price <= 3000000 and building_area between 110 and 130`,
    );
    if (total === "0") expect(text).toContain("没有符合条件的可售房源（110–130㎡ · 300万以内）");
    else expect(text).toContain(`🏠 可售房源 ${total} 套（110–130㎡ · 300万以内）`);
  });

  it("opens a unit's card and holds it for one of my customers; the database refuses a second hold", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const rival = await person(t, ["consultant"]);
    const b = await testBuilding(2);
    const customer = await customerOf(me.staff.id, testName());
    const rivals = await customerOf(rival.staff.id, testName());

    // The rival opens the same unit's card first, while it is still available.
    await rival.say(`${b.code}栋还有三房吗`);
    await rival.tap(new RegExp(`^${b.units[0].label} `));

    await me.say(`${b.code}栋还有三房吗`);
    const card = me.texts(await me.tap(new RegExp(`^${b.units[0].label} `)))[0];
    expect(card).toContain(`🏠 ${b.units[0].label}（${b.code}栋 12层）`);
    expect(card).toContain("总价（表价）：¥3,000,000.00（300万）");
    expect(card).toContain("状态：可售");

    const ask = me.texts(await me.tap("🔒 锁定给客户"))[0];
    expect(ask).toContain(`为哪位客户锁定 ${b.units[0].label}？`);
    const held = me.texts(await me.tap(new RegExp(`^${customer.name} `)));
    expect(held.at(-1)).toMatch(new RegExp(`^🔒 已为 ${customer.name} 锁定 ${b.units[0].label}，保留至 \\d\\d:\\d\\d。`));
    const [unit] = await sql("select status::text, held_by, held_for from public.units where id = $1", [b.units[0].id]);
    expect(unit).toEqual({ status: "held", held_by: me.staff.id, held_for: customer.id });

    // The rival's card is stale now: the tap goes through and the database says no.
    await rival.tap("🔒 锁定给客户");
    const refused = rival.texts(await rival.tap(new RegExp(`^${rivals.name} `)));
    expect(refused.at(-1)).toBe("该房源已被锁定（预留），请选择其他房源");
    expect((await sql("select held_by from public.units where id = $1", [b.units[0].id]))[0].held_by).toBe(me.staff.id);

    // My card now offers the release; releasing makes the unit available again.
    await me.tap(new RegExp(`^${b.units[0].label} `));
    expect(me.last().text).toContain("由您锁定");
    await me.tap("🔓 释放");
    expect((await sql("select status::text from public.units where id = $1", [b.units[0].id]))[0].status).toBe("available");
  });
});
