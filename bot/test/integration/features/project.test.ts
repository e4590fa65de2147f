import { describe, expect, it } from "vitest";
import { sql } from "../../../../supabase/tests/support/clients.ts";
import { todayIn } from "../../../src/features/common/clock.ts";
import { shortId } from "../../../src/keyboards/short-id.ts";
import { testBot } from "../support/bot.ts";
import { answerOf, person, type Person } from "../support/chat.ts";
import { customerOf, freshPhone, PROJECT, testBuilding, testName } from "../support/sales.ts";

/** A project of its own (code after the demo's), with this person as a consultant in it too. */
async function secondProject(who: Person, name: string): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    `insert into public.projects (code, name, city) values ('ZZ-B16-' || substr(md5(random()::text), 1, 6), $1, '杭州') returning id`,
    [name],
  );
  await sql(`insert into public.staff_projects (staff_id, project_id, role) values ($1, $2, 'consultant')`, [who.staff.id, id]);
  return id;
}

/** A follow-up due today for a customer of this person in a project. */
async function dueToday(staffId: string, projectId: string, customerId: string) {
  await sql(
    `insert into public.follow_ups (project_id, customer_id, staff_id, method, content, next_date) values ($1, $2, $3, 'phone', '回访', $4::date)`,
    [projectId, customerId, staffId, todayIn()],
  );
}

describe("the current project (/project)", () => {
  it("someone in two projects is asked first; switching changes what /today and the unit search show", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    const otherName = `别院${testName()}`;
    const other = await secondProject(me, otherName);
    const here = await customerOf(me.staff.id, testName());
    await dueToday(me.staff.id, PROJECT, here.id);
    const [{ id: thereId }] = await sql<{ id: string }>(
      `insert into public.customers (project_id, name, phone, source, owner_id, created_by) values ($1, $2, $3, 'walk_in', $4, $4) returning id`,
      [other, `远${testName()}`, freshPhone(), me.staff.id],
    );
    const [{ name: thereName }] = await sql<{ name: string }>(`select name from public.customers where id = $1`, [thereId]);
    await dueToday(me.staff.id, other, thereId);
    const b = await testBuilding(1);

    // Asked, with one button per project; nothing else is done.
    const asked = me.texts(await me.say("/today"));
    expect(asked).toEqual(["您在多个项目任职，请先选择要操作的项目（之后可随时用 /project 切换）："]);
    expect(me.last().buttons.map((x) => x.text).sort()).toEqual(["云栖雅苑", otherName].sort());

    expect(answerOf(await me.tap("云栖雅苑"))).toBe("当前项目已切换为「云栖雅苑」。");
    const demoDay = me.texts(await me.say("/today"))[0];
    expect(demoDay).toContain(here.name);
    expect(demoDay).not.toContain(thereName);
    expect(me.texts(await me.say(`${b.code}栋还有三房吗`))[0]).toContain(b.units[0].label);

    // /project shows the current one ticked; switching moves everything to the other project.
    expect(me.texts(await me.say("/project"))).toEqual(["当前项目：云栖雅苑。点按钮切换到其他项目："]);
    expect(me.last().buttons.map((x) => x.text)).toContain("✓ 云栖雅苑");
    await me.tap(otherName);
    const otherDay = me.texts(await me.say("/today"))[0];
    expect(otherDay).toContain(thereName);
    expect(otherDay).not.toContain(here.name);
    expect(me.texts(await me.say(`${b.code}栋还有三房吗`)).join("\n")).not.toContain(b.units[0].label);

    // /help names the current project and lists /project.
    const help = me.texts(await me.say("/help"))[0];
    expect(help).toContain(`当前项目：${otherName}（/project 切换）`);
    expect(help).toContain("/project 切换当前项目");
  });

  it("a forged button for a project the person is not in is refused and changes nothing", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    await secondProject(me, `别院${testName()}`);
    await me.say("/today");
    await me.tap("云栖雅苑");
    const [{ id: stranger }] = await sql<{ id: string }>(
      `insert into public.projects (code, name, city) values ('ZZ-B16-' || substr(md5(random()::text), 1, 6), '外人项目', '杭州') returning id`,
    );
    expect(answerOf(await me.tapData(`pj:${shortId(stranger)}`))).toBe("您不在这个项目任职，不能切换过去。");
    expect(answerOf(await me.tapData("pj:garbage"))).toBe("您不在这个项目任职，不能切换过去。");
    expect(me.texts(await me.say("/project"))).toEqual(["当前项目：云栖雅苑。点按钮切换到其他项目："]);
  });

  it("someone in one project is never asked, and /project says there is nothing to switch", async () => {
    const t = await testBot();
    const me = await person(t, ["consultant"]);
    expect(me.texts(await me.say("/today"))[0]).toMatch(/^📋/u);
    expect(me.texts(await me.say("/project"))).toEqual(["您只在「云栖雅苑」一个项目任职，无需切换。"]);
    expect(me.texts(await me.say("/help"))[0]).not.toContain("/project");
  });
});
