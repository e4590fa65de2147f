import { beforeAll, describe, expect, it } from "vitest";
import type { SupabaseClient } from "@supabase/supabase-js";
import { anonClient, signedIn, sql, untyped } from "./support/clients.ts";
import { matrices, ROLE_ACCOUNTS, type MatrixRole, type RlsMatrix, type TableProbe } from "./rls/registry.ts";
// One import line per matrix:
import "./rls/matrix-a.ts";
import "./rls/matrix-b.ts";

/*
  The RLS walker. For every row { table, role, select, insert, update, delete } of every matrix it
  signs in as the role's demo account (anon: no sign-in) and tries, through the real API:

  select  counts the rows of the table's scope (TableProbe.scope, e.g. project_id = the demo
          project) the role can read, against the superuser's count of the same scope:
            all  = sees every row in scope (and there is at least one)
            some = sees at least one row in scope and not all of them
            none = sees no row in scope (errors such as anon's "permission denied" count as none)
  insert  inserts the table's sample row: allowed = no error and the row exists afterwards
          (then removed); refused = an error and no such row
  update  writes one column of a row back with its own value (a no-op that still needs the
          permission) — a row the role can see if there is one, else any row in scope:
          allowed = the row comes back updated; refused = an error or no row touched
  delete  allowed = a throwaway copy of the sample is deleted through the API;
          refused = an error or no row deleted, and the target row still exists
  Samples are first inserted once as superuser, so a refusal is never a broken sample.
*/

// Table names come from the grid at run time: the untyped client.
type Client = SupabaseClient;
const clients = new Map<MatrixRole, Promise<Client>>();
const clientFor = (role: MatrixRole): Promise<Client> => {
  if (!clients.has(role)) {
    const account = ROLE_ACCOUNTS[role];
    clients.set(role, account === null ? Promise.resolve(untyped(anonClient())) : signedIn(account).then(untyped));
  }
  return clients.get(role)!;
};

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const keysOf = (probe: TableProbe) => probe.key ?? ["id"];

/** SQL matching the rows equal to a JSON object on its keys. */
const matching = (table: string, keys: string[]) =>
  `from public.${ident(table)} t, jsonb_populate_record(null::public.${ident(table)}, $1::jsonb) r
   where ${keys.map((k) => `t.${ident(k)} is not distinct from r.${ident(k)}`).join(" and ")}`;

const insertAsSuperuser = (table: string, row: Record<string, unknown>) => {
  const cols = Object.keys(row).map(ident).join(", ");
  return sql(
    `insert into public.${ident(table)} (${cols}) select ${cols} from jsonb_populate_record(null::public.${ident(table)}, $1::jsonb)`,
    [JSON.stringify(row)],
  );
};
const deleteMatching = (table: string, row: Record<string, unknown>) =>
  sql(`delete from public.${ident(table)} t using jsonb_populate_record(null::public.${ident(table)}, $1::jsonb) r
       where ${Object.keys(row).map((k) => `t.${ident(k)} is not distinct from r.${ident(k)}`).join(" and ")}`, [JSON.stringify(row)]);
const countMatching = async (table: string, row: Record<string, unknown>) =>
  Number((await sql<{ n: string }>(`select count(*) as n ${matching(table, Object.keys(row))}`, [JSON.stringify(row)]))[0].n);

/** The scope as SQL (for the superuser) and as a filter (for the API). */
async function scopeOf(probe: TableProbe): Promise<{ where: string; param: unknown; apply: (query: any) => any }> {
  if ("ids" in probe.scope) {
    const ids = (await sql<{ id: string }>(`select id from (${probe.scope.ids}) s(id)`)).map((r) => r.id);
    return { where: `${ident("id")} = any($1::uuid[])`, param: ids, apply: (q) => q.in("id", ids) };
  }
  const { column, value } = probe.scope;
  return { where: `${ident(column)} = $1`, param: value, apply: (q) => q.eq(column, value) };
}

async function walk(matrix: RlsMatrix, row: RlsMatrix["rows"][number]) {
  const probe = matrix.tables[row.table];
  expect(probe, `no TableProbe for ${row.table} in ${matrix.name}`).toBeDefined();
  const client = await clientFor(row.role);
  const keys = keysOf(probe);
  const scope = await scopeOf(probe);

  // select
  const [{ n: total }] = await sql<{ n: number }>(`select count(*)::int as n from public.${ident(row.table)} where ${scope.where}`, [scope.param]);
  expect(total, `${row.table} has no rows in scope to test with`).toBeGreaterThan(0);
  const counted = await scope.apply(client.from(row.table).select(keys[0], { count: "exact", head: true }));
  const visible = counted.error ? 0 : (counted.count ?? 0);
  const seen = visible === 0 ? "none" : visible === total ? "all" : "some";
  expect(seen, `select on ${row.table} as ${row.role}: sees ${visible} of ${total}`).toBe(row.select);

  // insert
  const sample = probe.sample();
  const inserted = await client.from(row.table).insert(sample);
  const persisted = await countMatching(row.table, sample);
  if (persisted > 0) await deleteMatching(row.table, sample);
  if (row.insert) {
    expect(inserted.error, `insert into ${row.table} as ${row.role}: ${inserted.error?.message}`).toBeNull();
    expect(persisted).toBe(1);
  } else {
    expect(inserted.error, `insert into ${row.table} as ${row.role} should be refused`).not.toBeNull();
    expect(persisted).toBe(0);
  }

  // a target row: one the role can see if any, else any row in scope
  const seenRow = await scope.apply(client.from(row.table).select(keys.join(",")).limit(1));
  let target: Record<string, unknown> | undefined = seenRow.error ? undefined : seenRow.data?.[0];
  if (!target) {
    const cols = keys.map((k) => `${ident(k)}::text as ${ident(k)}`).join(", ");
    [target] = await sql(`select ${cols} from public.${ident(row.table)} where ${scope.where} limit 1`, [scope.param]);
  }
  const [{ value: current }] = await sql<{ value: unknown }>(
    `select to_jsonb(t) -> '${probe.update}' as value ${matching(row.table, keys)}`, [JSON.stringify(target)]);

  // update
  const updated = await client.from(row.table).update({ [probe.update]: current }).match(target!).select(keys.join(","));
  if (row.update) {
    expect(updated.error, `update ${row.table} as ${row.role}: ${updated.error?.message}`).toBeNull();
    expect(updated.data).toHaveLength(1);
  } else {
    expect(updated.error !== null || (updated.data ?? []).length === 0, `update ${row.table} as ${row.role} should be refused`).toBe(true);
  }

  // delete
  if (row.delete) {
    const throwaway = probe.sample();
    await insertAsSuperuser(row.table, throwaway);
    const [copy] = await sql(`select ${keys.map((k) => `t.${ident(k)}::text as ${ident(k)}`).join(", ")} ${matching(row.table, Object.keys(throwaway))}`, [JSON.stringify(throwaway)]);
    const deleted = await client.from(row.table).delete().match(copy).select(keys.join(","));
    const left = await countMatching(row.table, throwaway);
    if (left > 0) await deleteMatching(row.table, throwaway);
    expect(deleted.error, `delete from ${row.table} as ${row.role}: ${deleted.error?.message}`).toBeNull();
    expect(left).toBe(0);
  } else {
    const deleted = await client.from(row.table).delete().match(target!).select(keys.join(","));
    expect(deleted.error !== null || (deleted.data ?? []).length === 0, `delete from ${row.table} as ${row.role} should be refused`).toBe(true);
    expect(await countMatching(row.table, target!)).toBe(1);
  }
}

beforeAll(async () => {
  for (const matrix of matrices) for (const statement of matrix.arrange ?? []) await sql(statement);
  // Every sample must be insertable as superuser, or a refusal would prove nothing.
  for (const matrix of matrices) {
    for (const [table, probe] of Object.entries(matrix.tables)) {
      const sample = probe.sample();
      await insertAsSuperuser(table, sample).catch((error) => {
        throw new Error(`${matrix.name}: the sample row for ${table} is not valid: ${(error as Error).message}`);
      });
      await deleteMatching(table, sample);
    }
  }
  await Promise.all((Object.keys(ROLE_ACCOUNTS) as MatrixRole[]).map(clientFor));
});

for (const matrix of matrices) {
  describe(`RLS matrix ${matrix.name}`, () => {
    it("covers every role for every table it probes", () => {
      for (const table of Object.keys(matrix.tables)) {
        const roles = matrix.rows.filter((r) => r.table === table).map((r) => r.role).sort();
        expect(roles, table).toEqual((Object.keys(ROLE_ACCOUNTS) as MatrixRole[]).sort());
      }
    });
    for (const row of matrix.rows) {
      const writes = (["insert", "update", "delete"] as const).filter((w) => row[w]).join("/") || "no writes";
      it(`${row.table} as ${row.role}: select ${row.select}, ${writes}`, () => walk(matrix, row));
    }
  });
}
