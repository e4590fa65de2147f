import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { formatClock } from "../../../src/features/common/clock.ts";
import { packExtend } from "../../../src/keyboards/units.ts";
import { testBot } from "../support/bot.ts";
import { answerOf, delivery, person } from "../support/chat.ts";
import { customerOf, PROJECT, testBuilding, testName } from "../support/sales.ts";

const unitRow = (id: string) =>
  sql<{ status: string; held_by: string | null; hold_expires_at: Date | null; hold_extensions: number }>(
    "select status::text, held_by, hold_expires_at, hold_extensions from public.units where id = $1", [id],
  ).then((r) => r[0]);

const holdMinutes = () => sql<{ m: number }>("select hold_minutes as m from public.projects where id = $1", [PROJECT]).then((r) => r[0].m);

/** A building code the demo project does not have. */
const missingBuilding = () =>
  sql<{ code: string }>(
    `select c::text as code from generate_series(1, 9) c
      where not exists (select 1 from public.buildings b where b.project_id = $1 and b.code = c::text) order by c limit 1`,
    [PROJECT],
  ).then((r) => r[0]?.code ?? null);

describe("a unit by its number, and holds from the bot", () => {
  it("opens THAT unit's card for any written form; a missing building or unit is said; ignored words are named", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const b = await testBuilding(3);

    for (const written of [`${b.code}-1201`, `${b.code}栋1201`, `${b.code}幢12楼01室`, `${b.code}号楼1201还在吗`]) {
      const [card] = me.texts(await me.say(written));
      expect(card, written).toContain(`🏠 ${b.code}-1201（${b.code}栋 12层）`);
      expect(card, written).toContain("状态：可售");
      expect(me.last().buttons.map((x) => x.text), written).toEqual(["🔒 锁定给客户", "💰 申请优惠"]);
    }
    expect(me.texts(await me.say(`${b.code}-1909`))).toEqual([`没有找到房号 ${b.code}-1909。请核对楼栋和房号，例如 3-1203。`]);

    const missing = await missingBuilding();
    if (missing !== null) {
      const [none] = me.texts(await me.say(`${missing}号楼还有三房吗`));
      expect(none).toMatch(new RegExp(`^本项目没有 ${missing} 栋。现有楼栋：.*${b.code}`));
    }

    const [list] = me.texts(await me.say(`${b.code}栋 朝南 高楼层 最便宜`));
    expect(list.split("\n")[0]).toBe("未能按『高楼层』筛选（楼层请写范围，例如「15层以上」）。");
    expect(list).toContain(`🏠 可售房源 3 套（${b.code}栋 · 朝南 · 总价从低到高）`);
  });

  it("我的锁定 lists my holds; extend once within the policy; a second tap is 已处理; the rival cannot extend mine", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const rival = await person(t, ["consultant"]);
    const b = await testBuilding(2);
    const customer = await customerOf(me.staff.id, testName());

    expect(me.texts(await me.say("我的锁定"))).toEqual(["您当前没有锁定中的房源。"]);
    await me.say(`${b.code}-1201`);
    await me.tap("🔒 锁定给客户");
    await me.tap(new RegExp(`^${customer.name} `));
    const held = await unitRow(b.units[0].id);
    expect(held.status).toBe("held");

    const [list] = me.texts(await me.say("我的锁定"));
    expect(list).toBe(`🔒 我的锁定（1 套）：点房号查看、延长、释放或申请优惠。\n1. ${b.code}-1201 · ${customer.name} · ${formatClock(held.hold_expires_at!.toISOString())} 到期`);
    const card = me.texts(await me.tap(`${b.code}-1201`))[0];
    expect(card).toContain("由您锁定");
    expect(me.last().buttons.map((x) => x.text)).toEqual(["⏱ 延长锁定", "🔓 释放", "💰 申请优惠"]);

    // The rival forges my card's 延长 button: the database refuses.
    const forged = packExtend(b.units[0].id, held.hold_expires_at!.toISOString());
    expect(answerOf(await rival.tapData(forged))).toBe("只能延长自己锁定的房源");

    const extendButton = me.withButton("⏱ 延长锁定");
    const extended = me.texts(await me.tapData(extendButton.button.data, extendButton.message));
    const after = await unitRow(b.units[0].id);
    expect(after.hold_expires_at!.getTime() - held.hold_expires_at!.getTime()).toBe((await holdMinutes()) * 60_000);
    expect(after.hold_extensions).toBe(1);
    expect(extended.at(-1)).toBe(`⏱ ${b.code}-1201 的锁定已延长至 ${formatClock(after.hold_expires_at!.toISOString())}（每次锁定可延长一次）。`);

    // The same button again: 已处理, nothing changes.
    expect(answerOf(await me.tapData(extendButton.button.data, extendButton.message))).toBe("已处理。");
    // A fresh card's button: the policy allows one extension per hold.
    await me.tap(`${b.code}-1201`);
    expect(answerOf(await me.tap("⏱ 延长锁定"))).toBe("每次锁定只能延长一次，本次已延长过");
    expect((await unitRow(b.units[0].id)).hold_expires_at!.getTime()).toBe(after.hold_expires_at!.getTime());

    // 释放 from 我的锁定's card; the same button again is 已处理.
    await me.say("我的锁定");
    await me.tap(`${b.code}-1201`);
    const release = me.withButton("🔓 释放");
    await me.tapData(release.button.data, release.message);
    expect((await unitRow(b.units[0].id)).status).toBe("available");
    expect(answerOf(await me.tapData(release.button.data, release.message))).toBe("已处理：该房源已不在锁定中。");
    expect(me.texts(await me.say("我的锁定"))).toEqual(["您当前没有锁定中的房源。"]);
  });

  it("reminds the holder once before the hold lapses, and extends from the reminder's button", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const other = await person(t, ["consultant"]);
    const b = await testBuilding(1);
    const customer = await customerOf(me.staff.id, testName());
    await sql(
      `update public.units set status = 'held', held_by = $2, held_for = $3, hold_expires_at = now() + interval '5 minutes' where id = $1`,
      [b.units[0].id, me.staff.id, customer.id],
    );
    const before = await unitRow(b.units[0].id);

    const { outbox, digests } = delivery(t);
    await digests.round();
    await digests.round();
    await outbox.drain();
    const reminders = me.messages().filter((m) => m.text.startsWith("⏰"));
    expect(reminders.map((m) => m.text)).toEqual([
      `⏰ ${b.code}-1201（${customer.name}）的锁定将于 ${formatClock(before.hold_expires_at!.toISOString())} 到期，到期后自动恢复可售。`,
    ]);
    expect(reminders[0].buttons.map((x) => x.text)).toEqual(["⏱ 延长锁定", "🔓 释放", "💰 申请优惠"]);
    expect(other.messages().filter((m) => m.text.startsWith("⏰"))).toHaveLength(0);

    await me.tap("⏱ 延长锁定");
    const after = await unitRow(b.units[0].id);
    expect(after.hold_expires_at!.getTime() - before.hold_expires_at!.getTime()).toBe((await holdMinutes()) * 60_000);

    // Ten minutes before the new expiry: reminded again, now without 延长 (the one extension is used).
    await digests.round(new Date(after.hold_expires_at!.getTime() - 5 * 60_000));
    await outbox.drain();
    const second = me.messages().filter((m) => m.text.startsWith("⏰")).at(-1)!;
    expect(second.text).toContain("本次锁定不能再延长");
    expect(second.buttons.map((x) => x.text)).toEqual(["🔓 释放", "💰 申请优惠"]);
  });
});
