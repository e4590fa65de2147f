import { sql } from "./clients.ts";

/**
 * The values a table's check constraint allows in one column (`column in ('a', 'b')`, or for an
 * array column `column <@ array['a', 'b']`), in the order the constraint lists them: what a list
 * in shared/ must equal.
 */
export async function allowedValues(table: string, column: string): Promise<string[]> {
  const [{ def }] = await sql<{ def: string }>(
    `select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = $1::regclass and contype = 'c'
        and (pg_get_constraintdef(oid) like $2 or pg_get_constraintdef(oid) like $3)`,
    [table, `%(${column} = ANY%`, `%(${column} <@ ARRAY[%`],
  );
  return [...def.matchAll(/'(\w+)'::text/g)].map((m) => m[1]);
}
