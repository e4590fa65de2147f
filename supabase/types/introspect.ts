import type pg from "pg";

export interface Column {
  name: string;
  type: string;       // Postgres type name (udt), e.g. uuid, numeric, _text, unit_status
  nullable: boolean;
  hasDefault: boolean;
  generated: boolean;
}
/** A foreign key, as supabase-js needs it to type embedded selects (`customers(name)`). */
export interface ForeignKey {
  name: string;
  columns: string[];
  isOneToOne: boolean;
  referencedRelation: string;
  referencedColumns: string[];
}
export interface Relation {
  name: string;
  kind: "table" | "view";
  columns: Column[];
  foreignKeys: ForeignKey[];
}
export interface FunctionArg {
  name: string;
  type: string;
  hasDefault: boolean;
}
export interface DbFunction {
  name: string;
  args: FunctionArg[];
  returns: string;      // type name; "record" rows are typed loosely
  returnsSet: boolean;
  /** A strict function is never called with a null argument; any other takes null for any argument. */
  strict: boolean;
  /** `returns table (...)`: its columns, in order. */
  columns?: FunctionArg[];
}
export interface Schema {
  relations: Relation[];
  enums: Record<string, string[]>;
  functions: DbFunction[];
}

/** What `supabase gen types` reads: the public schema's tables, views, enums and functions. */
export async function introspect(client: pg.Client): Promise<Schema> {
  const columns = await client.query<{
    relname: string; relkind: string; attname: string; typname: string; notnull: boolean; hasdef: boolean; generated: string; identity: string;
  }>(`
    select c.relname, c.relkind, a.attname, t.typname, a.attnotnull as notnull, a.atthasdef as hasdef,
           a.attgenerated as generated, a.attidentity as identity
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      join pg_type t on t.oid = a.atttypid
     where n.nspname = 'public' and c.relkind in ('r', 'v', 'm', 'p')
     order by c.relname, a.attnum`);
  const relations = new Map<string, Relation>();
  for (const r of columns.rows) {
    const kind = r.relkind === "r" || r.relkind === "p" ? "table" : "view";
    const rel = relations.get(r.relname) ?? { name: r.relname, kind, columns: [], foreignKeys: [] };
    rel.columns.push({
      name: r.attname,
      type: r.typname,
      nullable: kind === "view" ? true : !r.notnull,
      hasDefault: r.hasdef || r.identity !== "",
      generated: r.generated !== "" || r.identity === "a",
    });
    relations.set(r.relname, rel);
  }

  // One-to-one when the referencing columns are exactly a primary key or unique constraint.
  const fkRows = await client.query<{
    relname: string; conname: string; columns: string[]; refrel: string; refcolumns: string[]; one_to_one: boolean;
  }>(`
    select c.relname, k.conname,
           array(select a.attname from unnest(k.conkey) with ordinality as x(n, i)
                   join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n order by x.i)::text[] as columns,
           r.relname as refrel,
           array(select a.attname from unnest(k.confkey) with ordinality as x(n, i)
                   join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n order by x.i)::text[] as refcolumns,
           exists (select 1 from pg_constraint u
                    where u.conrelid = k.conrelid and u.contype in ('p', 'u')
                      and u.conkey @> k.conkey and u.conkey <@ k.conkey) as one_to_one
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_class r on r.oid = k.confrelid
      join pg_namespace rn on rn.oid = r.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and rn.nspname = 'public'
     order by c.relname, k.conname`);
  for (const f of fkRows.rows) {
    relations.get(f.relname)?.foreignKeys.push({
      name: f.conname, columns: f.columns, isOneToOne: f.one_to_one, referencedRelation: f.refrel, referencedColumns: f.refcolumns,
    });
  }

  const enumRows = await client.query<{ typname: string; label: string }>(`
    select t.typname, e.enumlabel as label
      from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
     where n.nspname = 'public' order by t.typname, e.enumsortorder`);
  const enums: Record<string, string[]> = {};
  for (const r of enumRows.rows) (enums[r.typname] ??= []).push(r.label);

  const fnRows = await client.query<{
    proname: string; argnames: string[] | null; argtypes: string[]; allargtypes: string[] | null; argmodes: string[] | null;
    nargdefaults: number; rettype: string; retset: boolean; strict: boolean;
  }>(`
    select p.proname, p.proargnames::text[] as argnames, p.proargmodes::text[] as argmodes,
           case when p.proallargtypes is null then null else
             array(select t.typname from unnest(p.proallargtypes) with ordinality as x(oid, i) join pg_type t on t.oid = x.oid order by x.i)::text[]
           end as allargtypes,
           array(select t.typname from unnest(p.proargtypes) with ordinality as x(oid, i) join pg_type t on t.oid = x.oid order by x.i)::text[] as argtypes,
           p.pronargdefaults as nargdefaults, rt.typname as rettype, p.proretset as retset, p.proisstrict as strict
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
      join pg_type rt on rt.oid = p.prorettype
     where n.nspname = 'public' and p.prokind = 'f'
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     order by p.proname, p.oid`);
  const functions = fnRows.rows.map((f) => {
    const inNames = (f.argnames ?? []).filter((_, i) => !f.argmodes || ["i", "b", "v"].includes(f.argmodes[i]));
    const firstDefault = f.argtypes.length - f.nargdefaults;
    const columns = (f.argmodes ?? [])
      .map((mode, i) => ({ mode, name: f.argnames?.[i] ?? `column${i}`, type: f.allargtypes?.[i] ?? "unknown" }))
      .filter((a) => a.mode === "t")
      .map(({ name, type }) => ({ name, type, hasDefault: false }));
    return {
      name: f.proname,
      args: f.argtypes.map((type, i) => ({ name: inNames[i] ?? `arg${i}`, type, hasDefault: i >= firstDefault })),
      returns: f.rettype,
      returnsSet: f.retset,
      strict: f.strict,
      ...(columns.length ? { columns } : {}),
    };
  });

  return { relations: [...relations.values()], enums, functions };
}
