import { describe, expect, it } from "vitest";
import { anonClient, sql, untyped } from "./support/clients.ts";
import { PROJECT, as, auditFor, dbNow, newCustomer, notificationsFor, ok, refused, rpc, testUnits, userId } from "./support/sales.ts";

/** Inventory: the unit state machine, the board, the price-list import, through the API. */

const board = async (who: string, unitId: string) => {
  const { data, error } = await (await as(who)).from("unit_board").select("*").eq("id", unitId).maybeSingle();
  expect(error).toBeNull();
  return data as Record<string, any> | null;
};
const stored = async (unitId: string) =>
  (await sql<{ status: string; held_by: string | null; held_for: string | null; list_price: string }>(
    "select status, held_by, held_for, list_price from public.units where id = $1",
    [unitId],
  ))[0];

describe("hold_unit / release_unit", () => {
  it("holds an available unit for the caller's customer until the project's hold_minutes", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const customer = await newCustomer("consultant1");
    const held = await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: customer });
    expect(held.status).toBe("held");
    const row = await board("consultant2", unit);
    expect(row).toMatchObject({ status: "held", held_by: userId("consultant1"), held_by_name: "王芳", held_for: customer });
    const [{ minutes }] = await sql<{ minutes: number }>(
      "select round(extract(epoch from hold_expires_at - now()) / 60)::int as minutes from public.units where id = $1",
      [unit],
    );
    expect(minutes).toBe(30);
    const audit = await auditFor(unit, "unit.hold");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: userId("consultant1"), surface: "admin" });
    expect(audit[0].before.status).toBe("available");
    expect(audit[0].after.status).toBe("held");
  });

  it("refuses a unit already held, a colleague's customer, and roles outside sales", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const mine = await newCustomer("consultant1");
    const theirs = await newCustomer("consultant2");
    await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: mine });
    const error = await refused("consultant2", "hold_unit", { p_unit_id: unit, p_customer_id: theirs }, "unit_not_available");
    expect(error.message).toContain("锁定");
    await refused("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: mine }, "unit_not_available");

    const { unitIds: [other] } = await testUnits(1);
    await refused("consultant2", "hold_unit", { p_unit_id: other, p_customer_id: mine }, "customer_not_yours");
    await refused("finance", "hold_unit", { p_unit_id: other, p_customer_id: mine }, "forbidden");
    await refused("broker1", "hold_unit", { p_unit_id: other, p_customer_id: mine }, "forbidden");
    await refused("consultant1", "hold_unit", { p_unit_id: other, p_customer_id: crypto.randomUUID() }, "customer_not_found");
    await refused("consultant1", "hold_unit", { p_unit_id: crypto.randomUUID(), p_customer_id: mine }, "unit_not_found");
    // a manager may hold for any customer of the project
    await ok("manager", "hold_unit", { p_unit_id: other, p_customer_id: theirs });
  });

  it("treats an expired hold as available everywhere, with no job run", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    const c2 = await newCustomer("consultant2");
    await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: c1 });
    await sql("update public.units set hold_expires_at = now() - interval '1 second' where id = $1", [unit]);

    expect(await board("consultant2", unit)).toMatchObject({ status: "available", held_by: null, held_for: null });
    expect((await stored(unit)).status).toBe("held"); // nothing rewrote the row
    const held = await ok("consultant2", "hold_unit", { p_unit_id: unit, p_customer_id: c2 });
    expect(held).toMatchObject({ status: "held", held_by: userId("consultant2") });
  });

  it("lets the holder or a manager release, and nobody else", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: c1 });
    await refused("consultant2", "release_unit", { p_unit_id: unit }, "not_holder");
    await refused("finance", "release_unit", { p_unit_id: unit }, "forbidden");
    expect(await ok("consultant1", "release_unit", { p_unit_id: unit })).toMatchObject({ status: "available" });
    await refused("consultant1", "release_unit", { p_unit_id: unit }, "unit_not_held");
    expect(await auditFor(unit, "unit.release")).toHaveLength(1);

    // a manager releases someone else's hold; the holder hears of it
    await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: c1 });
    const since = await dbNow();
    await ok("manager", "release_unit", { p_unit_id: unit });
    expect(await stored(unit)).toMatchObject({ status: "available", held_by: null, held_for: null });
    expect(await notificationsFor("consultant1", "unit_released", since)).toHaveLength(1);
  });
});

describe("withhold_unit / unwithhold_unit (销控)", () => {
  it("is for managers, needs a reason, cuts a live hold short and comes back available", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    await ok("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: c1 });

    await refused("consultant1", "withhold_unit", { p_unit_id: unit, p_reason: "想留着" }, "forbidden");
    await refused("manager", "withhold_unit", { p_unit_id: unit, p_reason: " " }, "reason_required");
    const since = await dbNow();
    const withheld = await ok("manager", "withhold_unit", { p_unit_id: unit, p_reason: "领导保留" });
    expect(withheld).toMatchObject({ status: "withheld", held_by: null, withheld_reason: "领导保留" });
    expect(await notificationsFor("consultant1", "unit_withheld", since)).toHaveLength(1);
    await refused("director", "withhold_unit", { p_unit_id: unit, p_reason: "再次" }, "unit_already_withheld");
    await refused("consultant1", "hold_unit", { p_unit_id: unit, p_customer_id: c1 }, "unit_not_available");

    await refused("consultant1", "unwithhold_unit", { p_unit_id: unit }, "forbidden");
    expect(await ok("gm", "unwithhold_unit", { p_unit_id: unit })).toMatchObject({ status: "available" });
    await refused("manager", "unwithhold_unit", { p_unit_id: unit }, "unit_not_withheld");
    expect(await auditFor(unit, "unit.withhold")).toHaveLength(1);
    expect(await auditFor(unit, "unit.unwithhold")).toHaveLength(1);
  });

  it("refuses a unit with a subscription or contract", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    await sql("select private.unit_to_subscribed($1, $2, $3)", [unit, c1, userId("consultant1")]);
    await refused("manager", "withhold_unit", { p_unit_id: unit, p_reason: "x" }, "unit_has_deal");
    await sql("select private.unit_to_signed($1)", [unit]);
    await refused("manager", "withhold_unit", { p_unit_id: unit, p_reason: "x" }, "unit_has_deal");
  });
});

describe("internal transitions for subscriptions and contracts", () => {
  const pgError = async (text: string, params: unknown[]) => {
    try {
      await sql(text, params);
    } catch (error) {
      return (error as { detail?: string }).detail;
    }
    return "no error";
  };

  it("subscribe from available or the caller's own hold, refuse anyone else's live hold", async () => {
    const { unitIds: [a, b, c] } = await testUnits(3);
    const c1 = await newCustomer("consultant1");
    const c2 = await newCustomer("consultant2");
    const [s] = await sql<{ r: any }>("select private.unit_to_subscribed($1, $2, $3) as r", [a, c1, userId("consultant1")]);
    expect(s.r.status).toBe("subscribed");

    await ok("consultant1", "hold_unit", { p_unit_id: b, p_customer_id: c1 });
    expect(await pgError("select private.unit_to_subscribed($1, $2, $3)", [b, c2, userId("consultant2")])).toBe("unit_not_available");
    // the holder's own customer, even when a manager writes it up
    await sql("select private.unit_to_subscribed($1, $2, $3)", [b, c1, userId("manager")]);
    expect((await stored(b)).status).toBe("subscribed");

    await ok("consultant1", "hold_unit", { p_unit_id: c, p_customer_id: c1 });
    await sql("update public.units set hold_expires_at = now() - interval '1 minute' where id = $1", [c]);
    await sql("select private.unit_to_subscribed($1, $2, $3)", [c, c2, userId("consultant2")]);
    expect(await stored(c)).toMatchObject({ status: "subscribed", held_by: null, held_for: null });
    expect(await auditFor(c, "unit.subscribe")).toHaveLength(1);
  });

  it("signs only a subscribed unit and returns only a subscribed or signed unit to available", async () => {
    const { unitIds: [a] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    expect(await pgError("select private.unit_to_signed($1)", [a])).toBe("unit_not_subscribed");
    expect(await pgError("select private.unit_to_available($1)", [a])).toBe("invalid_unit_transition");
    await sql("select private.unit_to_subscribed($1, $2, $3)", [a, c1, userId("consultant1")]);
    await sql("select private.unit_to_signed($1)", [a]);
    expect((await stored(a)).status).toBe("signed");
    await sql("select private.unit_to_available($1)", [a]);
    expect((await stored(a)).status).toBe("available");
    expect(await auditFor(a, "unit.sign")).toHaveLength(1);
    expect(await auditFor(a, "unit.cancel")).toHaveLength(1);
  });

  it("cannot be called through the API", async () => {
    const [{ allowed }] = await sql<{ allowed: boolean }>(
      "select has_function_privilege('authenticated', 'private.unit_to_subscribed(uuid, uuid, uuid)', 'execute') as allowed",
    );
    expect(allowed).toBe(false);
    const { error } = await untyped(await as("manager")).schema("private").rpc("unit_to_signed", { p_unit_id: crypto.randomUUID() });
    expect(error).not.toBeNull();
  });
});

describe("opening day (开盘): 50 parallel holds on one unit", () => {
  it("lets exactly one win; the others are told unit_not_available", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const c1 = await newCustomer("consultant1");
    const c2 = await newCustomer("consultant2");
    await Promise.all([as("consultant1"), as("consultant2"), as("manager")]);
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const who = ["consultant1", "consultant2", "manager"][i % 3];
      return rpc(who, "hold_unit", { p_unit_id: unit, p_customer_id: who === "consultant2" ? c2 : c1 });
    });
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.error === null);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.error?.details === "unit_not_available")).toHaveLength(49);
    const row = await stored(unit);
    expect(row.status).toBe("held");
    expect(row.held_by).toBe(winners[0].data.held_by);
    expect(await auditFor(unit, "unit.hold")).toHaveLength(1);
  });
});

describe("direct tampering", () => {
  it("refuses writes to units and the audit log", async () => {
    const { unitIds: [unit] } = await testUnits(1);
    const consultant = await as("consultant1");
    const update = await consultant.from("units").update({ status: "withheld" }).eq("id", unit).select();
    expect(update.error?.code).toBe("42501");
    const manager = await as("manager");
    expect((await manager.from("units").update({ list_price: 1 }).eq("id", unit)).error?.code).toBe("42501");
    expect((await manager.from("units").delete().eq("id", unit)).error?.code).toBe("42501");
    expect((await stored(unit)).status).toBe("available");

    const audit = await manager.from("audit_log").insert({ surface: "admin", action: "fake", table_name: "units" });
    expect(audit.error?.code).toBe("42501");
  });

  it("keeps anonymous callers away from every state-changing function", async () => {
    const anon = anonClient();
    for (const [fn, args] of [
      ["hold_unit", { p_unit_id: crypto.randomUUID(), p_customer_id: crypto.randomUUID() }],
      ["register_customer", { p_project_id: PROJECT, p_name: "匿名", p_phone: "13800138000", p_source: "call" }],
      ["submit_report", { p_project_id: PROJECT, p_customer_name: "匿名", p_customer_phone: "13800138000", p_expected_visit: new Date().toISOString() }],
      ["next_walk_in", { p_project_id: PROJECT }],
    ] as const) {
      const { error } = await anon.rpc(fn, args);
      expect(error?.code, fn).toBe("42501");
    }
  });

  it("shows brokers no inventory", async () => {
    const broker = await as("broker1");
    expect((await broker.from("units").select("id").limit(5)).data).toEqual([]);
    expect((await broker.from("unit_board").select("id").limit(5)).data).toEqual([]);
    expect((await broker.from("buildings").select("id").limit(5)).data).toEqual([]);
  });
});

describe("import_price_list (价目表)", () => {
  const row = (code: string, number: string, over: Record<string, unknown> = {}) => ({
    building_code: code, floor: Number(number.slice(0, -2)), number, rooms: 3, halls: 2, baths: 2,
    building_area: 118.36, inner_area: 92.1, orientation: "南北通透", unit_price: 31250.5, list_price: 3698809.18, ...over,
  });
  // 31250.50 × 118.36 = 3698809.18

  it("upserts every row in one go and reports what changed", async () => {
    const { code, buildingId } = await testUnits(0);
    const rows = [row(code, "101"), row(code, "102", { unit_price: "30000", building_area: "89.00", inner_area: 69.4, list_price: "2,670,000.00", rooms: 2, baths: 1 })];
    const result = await ok("manager", "import_price_list", { p_project_id: PROJECT, p_rows: rows });
    expect(result).toMatchObject({ ok: true, rows: 2, inserted: 2, updated: 0, price_changes: 0 });
    const units = await sql<{ number: string; status: string; list_price: string; unit_price: string }>(
      "select number, status, list_price, unit_price from public.units where building_id = $1 order by number",
      [buildingId],
    );
    expect(units).toEqual([
      { number: "101", status: "available", list_price: "3698809.18", unit_price: "31250.50" },
      { number: "102", status: "available", list_price: "2670000.00", unit_price: "30000.00" },
    ]);
    // the admin may import too
    expect(await ok("admin", "import_price_list", { p_project_id: PROJECT, p_rows: rows })).toMatchObject({ ok: true, unchanged: 2 });
  });

  it("returns every row error at once and changes nothing", async () => {
    const { code, buildingId } = await testUnits(0);
    await ok("manager", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101")] });
    const rows = [
      row(code, "101", { unit_price: 32000, list_price: 3787520 }), // valid change — must not be applied
      row("NOPE", "201"),
      row(code, "301"),
      row(code, "301"),
      row(code, "401", { building_area: "一百" }),
      row(code, "501", { unit_price: -1 }),
      row(code, "601", { list_price: 3698810.19 }), // off by 1.01
      row(code, "701", { list_price: 3698810.17 }), // off by 0.99: within tolerance
      row(code, "801", { floor: 31 }),
      row(code, "901", { rooms: 2.5 }),
      { ...row(code, "1001"), number: "" },
    ];
    const result = await ok("manager", "import_price_list", { p_project_id: PROJECT, p_rows: rows });
    expect(result.ok).toBe(false);
    const codes = result.errors.map((e: any) => `${e.row}:${e.field}:${e.code}`);
    expect(codes).toEqual([
      "2:building_code:unknown_building",
      "4:number:duplicate_unit",
      "5:building_area:not_a_number",
      "6:unit_price:not_positive",
      "7:list_price:price_mismatch",
      "9:floor:out_of_range",
      "10:rooms:not_an_integer",
      "11:number:missing_field",
    ]);
    for (const e of result.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    const units = await sql<{ number: string; list_price: string }>(
      "select number, list_price from public.units where building_id = $1", [buildingId]);
    expect(units).toEqual([{ number: "101", list_price: "3698809.18" }]);
  });

  it("audits list-price changes and never resets a sold unit's status", async () => {
    const { code } = await testUnits(0);
    await ok("manager", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101"), row(code, "102")] });
    const [u101] = await sql<{ id: string }>("select u.id from public.units u join public.buildings b on b.id = u.building_id where b.code = $1 and u.number = '101'", [code]);
    const [u102] = await sql<{ id: string }>("select u.id from public.units u join public.buildings b on b.id = u.building_id where b.code = $1 and u.number = '102'", [code]);
    const c1 = await newCustomer("consultant1");
    await sql("select private.unit_to_subscribed($1, $2, $3)", [u101.id, c1, userId("consultant1")]);
    await ok("manager", "withhold_unit", { p_unit_id: u102.id, p_reason: "保留" });

    const result = await ok("director", "import_price_list", {
      p_project_id: PROJECT,
      p_rows: [row(code, "101", { unit_price: 32000, list_price: 3787520 }), row(code, "102")],
    });
    expect(result).toMatchObject({ ok: true, updated: 1, unchanged: 1, price_changes: 1 });
    expect(await stored(u101.id)).toMatchObject({ status: "subscribed", list_price: "3787520.00" });
    expect((await stored(u102.id)).status).toBe("withheld");
    const audit = await auditFor(u101.id, "unit.price_change");
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ list_price: 3698809.18, unit_price: 31250.5 });
    expect(audit[0].after).toEqual({ list_price: 3787520, unit_price: 32000 });
  });

  it("is for managers and admins only, and refuses an empty list", async () => {
    const { code } = await testUnits(0);
    await refused("consultant1", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101")] }, "forbidden");
    await refused("finance", "import_price_list", { p_project_id: PROJECT, p_rows: [row(code, "101")] }, "forbidden");
    await refused("manager", "import_price_list", { p_project_id: PROJECT, p_rows: [] }, "empty_price_list");
  });
});
