import type { Column, DbFunction, ForeignKey, Relation, Schema } from "./introspect.ts";

const SCALARS: Record<string, string> = {
  bool: "boolean",
  int2: "number", int4: "number", int8: "number", float4: "number", float8: "number",
  // numeric arrives from PostgREST as a JSON number; money code converts it with String() into decimal.js.
  numeric: "number",
  json: "Json", jsonb: "Json",
  void: "undefined",
};

function tsType(pgType: string, enums: Schema["enums"]): string {
  if (pgType.startsWith("_")) return `${tsType(pgType.slice(1), enums)}[]`;
  if (pgType in enums) return `Database["public"]["Enums"]["${pgType}"]`;
  return SCALARS[pgType] ?? (["record", "anyelement"].includes(pgType) ? "Json" : "string");
}

const key = (name: string) => (/^[a-z_][a-z0-9_]*$/i.test(name) ? name : JSON.stringify(name));
const pad = (depth: number) => "  ".repeat(depth);

function columnsBlock(columns: Column[], depth: number, enums: Schema["enums"], mode: "row" | "insert" | "update"): string {
  const lines = columns.map((c) => {
    const type = tsType(c.type, enums) + (c.nullable ? " | null" : "");
    if (mode === "row") return `${pad(depth)}${key(c.name)}: ${type}`;
    if (c.generated) return `${pad(depth)}${key(c.name)}?: never`;
    const optional = mode === "update" || c.nullable || c.hasDefault;
    return `${pad(depth)}${key(c.name)}${optional ? "?" : ""}: ${type}`;
  });
  return `{\n${lines.join("\n")}\n${pad(depth - 1)}}`;
}

const list = (names: string[]) => `[${names.map((n) => JSON.stringify(n)).join(", ")}]`;

function relationshipsBlock(keys: ForeignKey[], depth: number): string {
  if (!keys.length) return "[]";
  const items = keys.map((k) =>
    [
      `${pad(depth + 1)}{`,
      `${pad(depth + 2)}foreignKeyName: ${JSON.stringify(k.name)}`,
      `${pad(depth + 2)}columns: ${list(k.columns)}`,
      `${pad(depth + 2)}isOneToOne: ${k.isOneToOne}`,
      `${pad(depth + 2)}referencedRelation: ${JSON.stringify(k.referencedRelation)}`,
      `${pad(depth + 2)}referencedColumns: ${list(k.referencedColumns)}`,
      `${pad(depth + 1)}},`,
    ].join("\n"),
  );
  return `[\n${items.join("\n")}\n${pad(depth)}]`;
}

function relationBlock(rel: Relation, enums: Schema["enums"]): string {
  const d = 4;
  const parts = [`${pad(d)}Row: ${columnsBlock(rel.columns, d + 1, enums, "row")}`];
  if (rel.kind === "table") {
    parts.push(`${pad(d)}Insert: ${columnsBlock(rel.columns, d + 1, enums, "insert")}`);
    parts.push(`${pad(d)}Update: ${columnsBlock(rel.columns, d + 1, enums, "update")}`);
  }
  parts.push(`${pad(d)}Relationships: ${relationshipsBlock(rel.foreignKeys, d)}`);
  return `${pad(3)}${key(rel.name)}: {\n${parts.join("\n")}\n${pad(3)}}`;
}

/**
 * An argument's type: money goes in as an exact decimal string ("12000000.50") as well as a number.
 * A function that is not strict takes null for any argument (e.g. set_sales_target's staff null =
 * the project's own target), so its arguments accept null; leaving out one without a default stays
 * a compile error.
 */
const argType = (type: string, enums: Schema["enums"]) => (type === "numeric" ? "number | string" : tsType(type, enums));

function functionBlock(fns: DbFunction[], enums: Schema["enums"]): string {
  const overloads = fns.map((f) => {
    const args = f.args.length
      ? `{ ${f.args.map((a) => `${key(a.name)}${a.hasDefault ? "?" : ""}: ${argType(a.type, enums)}${f.strict ? "" : " | null"}`).join("; ")} }`
      : "Record<PropertyKey, never>";
    // A `returns table` row: its columns, each possibly null (an outer join, a missing name).
    const row = f.columns ? `{ ${f.columns.map((c) => `${key(c.name)}: ${tsType(c.type, enums)} | null`).join("; ")} }` : tsType(f.returns, enums);
    const returns = row + (f.returnsSet ? "[]" : "");
    return `{ Args: ${args}; Returns: ${returns} }`;
  });
  return `${pad(3)}${key(fns[0].name)}: ${overloads.join(" | ")}`;
}

/** Types in the shape of `supabase gen types typescript`, so supabase-js clients are typed. */
export function renderTypes(schema: Schema): string {
  const tables = schema.relations.filter((r) => r.kind === "table").map((r) => relationBlock(r, schema.enums));
  const views = schema.relations.filter((r) => r.kind === "view").map((r) => relationBlock(r, schema.enums));
  const byName = new Map<string, DbFunction[]>();
  for (const f of schema.functions) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  const functions = [...byName.values()].map((fns) => functionBlock(fns, schema.enums));
  const enums = Object.entries(schema.enums).map(([name, labels]) => `${pad(3)}${key(name)}: ${labels.map((l) => JSON.stringify(l)).join(" | ")}`);
  const projectRelations = schema.relations.filter((r) => r.columns.some((c) => c.name === "project_id")).map((r) => JSON.stringify(r.name));
  const enumLists = Object.entries(schema.enums).map(([name, labels]) => `${pad(3)}${key(name)}: [${labels.map((l) => JSON.stringify(l)).join(", ")}],`);
  const section = (items: string[]) => (items.length ? `{\n${items.join("\n")}\n${pad(2)}}` : "{\n" + pad(3) + "[_ in never]: never\n" + pad(2) + "}");

  return `// Generated by supabase/types/generate.ts from the migrations — do not edit by hand.
// Regenerate: npm run -w supabase gen:types (a test fails when this file is stale).

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  // The local stack and hosted Supabase run PostgREST 12; supabase-js types its features by it.
  __InternalSupabase: {
    PostgrestVersion: "12"
  }
  public: {
    Tables: ${section(tables)}
    Views: ${section(views)}
    Functions: ${section(functions)}
    Enums: ${section(enums)}
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type PublicSchema = Database["public"];

/** A table's row as read. */
export type Tables<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Row"];
/** What an insert into a table takes (defaults optional). */
export type TablesInsert<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Insert"];
/** What an update of a table takes (every column optional). */
export type TablesUpdate<T extends keyof PublicSchema["Tables"]> = PublicSchema["Tables"][T]["Update"];
/** A view's row as read (every column nullable, as Postgres reports view columns). */
export type Views<T extends keyof PublicSchema["Views"]> = PublicSchema["Views"][T]["Row"];
/** A database function: \`Functions<"hold_unit">["Args"]\`, \`Functions<"hold_unit">["Returns"]\`. */
export type Functions<T extends keyof PublicSchema["Functions"]> = PublicSchema["Functions"][T];
export type Enums<T extends keyof PublicSchema["Enums"]> = PublicSchema["Enums"][T];

/** Tables and views (the names refine resources read from). */
export type Relations = PublicSchema["Tables"] & PublicSchema["Views"];
/** The tables and views with a \`project_id\` column: the rows that belong to one project. */
export type ProjectRelation = { [K in keyof Relations]: "project_id" extends keyof Relations[K]["Row"] ? K : never }[keyof Relations];
export const PROJECT_RELATIONS: readonly ProjectRelation[] = [
  ${projectRelations.join(",\n  ")},
];

/** Each enum's values in the database's order, for lists and checks at run time. */
export const Constants = {
  public: {
    Enums: {
${enumLists.join("\n")}
    },
  },
} as const;
`;
}
