import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import pg from "pg";
import { StackError } from "./errors.ts";

/**
 * Backups of the local database with what ships with the project: `pg` and Node's gzip. (The
 * embedded Postgres package brings no pg_dump, and Debian 12's postgresql-client is version 15,
 * which refuses a Postgres 17 server.)
 *
 * A backup is the data of every table — auth, public, private, … — read in ONE repeatable-read
 * snapshot while the stack runs (a consistent copy, like pg_dump's), plus every sequence and the
 * list of migrations the schema was built from. The schema itself is the migrations': restore
 * refuses a backup made by a different set of migrations rather than guess.
 *
 * File: gzip of lines — `#` + JSON for the header, each table (`{table, columns}`) and the end
 * (`{end, tables, rows}`); every other line is one row as a JSON object (`to_json` of the row).
 * A file without its end line is refused.
 */

export const BACKUP_FORMAT = "sales-office-backup";
const BATCH = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  created_at: string;
  server_version: string;
  database: string;
  migrations: string[];
  sequences: { name: string; last_value: string | null }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  /** Older backups removed to keep the last N. */
  removed: string[];
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  created_at: string;
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const qualified = (schema: string, table: string) => `${ident(schema)}.${ident(table)}`;

/** The tables holding data: every ordinary table outside the system schemas and not an extension's own. */
async function dataTables(client: pg.ClientBase) {
  const { rows } = await client.query<{ schema: string; name: string; columns: string[] }>(`
    select n.nspname as schema, c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
     where c.relkind = 'r' and c.relpersistence = 'p'
       and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
       and n.nspname not like 'pg\\_temp%'
       and not exists (select 1 from pg_catalog.pg_depend d
                        where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     group by n.nspname, c.relname
     order by n.nspname, c.relname`);
  return rows;
}

async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ version: string }>(
    "select version from supabase_migrations.schema_migrations order by version",
  );
  return rows.map((r) => r.version);
}

/** 20261206-231502-123 (UTC): sorts by time, two backups in one second do not collide. */
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace("T", "-").replace(".", "-").slice(0, 19);

/** Writes `<dir>/sales-office-<UTC time>.jsonl.gz` (written aside, renamed when complete) and keeps the newest `keep`. */
export async function backupDatabase(dbUrl: string, opts: { dir: string; keep: number }): Promise<BackupSummary> {
  if (!Number.isInteger(opts.keep) || opts.keep < 1) {
    throw new StackError(`保留份数必须是正整数（${opts.keep}）。The number of backups to keep must be a positive integer (${opts.keep}).`);
  }
  fs.mkdirSync(opts.dir, { recursive: true });
  const client = new pg.Client({ connectionString: dbUrl, application_name: "sales-office backup" });
  await connect(client);
  const now = new Date();
  const file = path.join(opts.dir, `sales-office-${stamp(now)}.jsonl.gz`);
  const partial = `${file}.partial`;
  let tables = 0;
  let rowCount = 0;
  try {
    // One snapshot for everything: rows written meanwhile are either all in, or not at all.
    await client.query("begin isolation level repeatable read read only");
    const list = await dataTables(client);
    const { rows: seqs } = await client.query<{ name: string; last_value: string | null }>(
      "select format('%I.%I', schemaname, sequencename) as name, last_value::text from pg_catalog.pg_sequences order by 1",
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      created_at: now.toISOString(),
      server_version: (await client.query<{ v: string }>("show server_version")).rows[0].v,
      database: (await client.query<{ d: string }>("select current_database() as d")).rows[0].d,
      migrations: await appliedMigrations(client),
      sequences: seqs,
    };
    const lines = new PassThrough({ writableHighWaterMark: 1 << 20 });
    const written = pipeline(lines, zlib.createGzip({ level: 6 }), fs.createWriteStream(partial));
    const put = async (value: unknown) => {
      if (!lines.write(`#${JSON.stringify(value)}\n`)) await new Promise((r) => lines.once("drain", r));
    };
    await put(header);
    for (const t of list) {
      await put({ table: `${t.schema}.${t.name}`, columns: t.columns });
      await client.query(`declare backup_rows no scroll cursor for select to_json(t)::text as r from ${qualified(t.schema, t.name)} t`);
      for (;;) {
        const { rows } = await client.query<{ r: string }>(`fetch ${BATCH} from backup_rows`);
        for (const row of rows) {
          if (!lines.write(`${row.r}\n`)) await new Promise((r) => lines.once("drain", r));
        }
        rowCount += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query("close backup_rows");
      tables++;
    }
    await put({ end: true, tables, rows: rowCount });
    lines.end();
    await written;
    await client.query("commit");
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
  const removed = listBackups(opts.dir).slice(opts.keep).map((f) => {
    fs.rmSync(f);
    return f;
  });
  return { file, tables, rows: rowCount, bytes: fs.statSync(file).size, removed };
}

/** The backups in a directory, newest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^sales-office-\d{8}-\d{6}-\d{3}\.jsonl\.gz$/.test(f))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

async function connect(client: pg.Client) {
  try {
    await client.connect();
  } catch (error) {
    throw new StackError(
      `无法连接数据库（${(error as Error).message}）。本地数据库需在运行中：请先 npm start。\n` +
        `Cannot reach the database (${(error as Error).message}). The local database must be running: npm start first.`,
    );
  }
}

type Line = { control: true; value: Record<string, unknown> } | { control: false; row: string };

/** Reads a backup file line by line (gunzipped); rows stay JSON text, control lines are parsed. */
async function* readLines(file: string): AsyncGenerator<Line> {
  if (!fs.existsSync(file)) throw new StackError(`找不到备份文件 ${file}。Backup file not found: ${file}`);
  const gunzip = zlib.createGunzip();
  fs.createReadStream(file).on("error", (error) => gunzip.destroy(error)).pipe(gunzip);
  const decoder = new StringDecoder("utf8");
  let rest = "";
  const parse = (line: string): Line => {
    try {
      return line.startsWith("#") ? { control: true, value: JSON.parse(line.slice(1)) } : { control: false, row: line };
    } catch (error) {
      throw damaged(file, error);
    }
  };
  // Iterated by hand (not readline): a truncated file's gzip error must reach the caller as an exception.
  const chunks = gunzip[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw damaged(file, error);
      }
      if (next.done) break;
      rest += decoder.write(next.value);
      let end: number;
      while ((end = rest.indexOf("\n")) >= 0) {
        const line = rest.slice(0, end);
        rest = rest.slice(end + 1);
        if (line) yield parse(line);
      }
    }
    rest += decoder.end();
    if (rest) yield parse(rest);
  } finally {
    // The reader stopped early (the header alone was wanted): close the file.
    gunzip.destroy();
  }
}

function damaged(file: string, error: unknown): StackError {
  return new StackError(
    `备份文件 ${file} 已损坏或不完整（${(error as Error).message}），未做任何更改。\n` +
      `The backup file is damaged or incomplete (${(error as Error).message}); nothing was changed.`,
  );
}

/** The header of a backup (what `npm run restore` shows before asking). */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const first of readLines(file)) {
    const header = (first.control ? first.value : {}) as unknown as BackupHeader;
    if (header.format !== BACKUP_FORMAT || header.version !== 1) break;
    return header;
  }
  throw new StackError(`${file} 不是本系统的备份文件。${file} is not a backup of this system.`);
}

/**
 * Replaces every table's data with the backup's, in one transaction (all or nothing), with
 * triggers and foreign-key checks off while the rows go in (session_replication_role = replica:
 * the audit log is restored as it was, not written anew). Refused, with nothing changed, when the
 * database was built by different migrations or the file is incomplete.
 */
export async function restoreDatabase(dbUrl: string, file: string): Promise<RestoreSummary> {
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: dbUrl, application_name: "sales-office restore" });
  await connect(client);
  try {
    const current = await appliedMigrations(client);
    if (current.join() !== header.migrations.join()) {
      const last = (list: string[]) => list.at(-1) ?? "—";
      throw new StackError(
        `备份来自不同的数据库结构（备份：${header.migrations.length} 个迁移，最新 ${last(header.migrations)}；当前：${current.length} 个，最新 ${last(current)}），未做任何更改。` +
          `请用生成该备份的程序版本恢复，再升级。\n` +
          `The backup was made by a different schema (backup: ${header.migrations.length} migrations, last ${last(header.migrations)}; ` +
          `this database: ${current.length}, last ${last(current)}); nothing was changed. Restore with the version that made it, then upgrade.`,
      );
    }
    const existing = new Map((await dataTables(client)).map((t) => [`${t.schema}.${t.name}`, t]));
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    // Everything is emptied at once (one statement: the foreign keys between them allow it).
    const targets = [...existing.values()].filter((t) => !(t.schema === "supabase_migrations"));
    if (targets.length) await client.query(`truncate ${targets.map((t) => qualified(t.schema, t.name)).join(", ")}`);

    let table: { schema: string; name: string; columns: string[] } | undefined;
    let batch: string[] = [];
    let tables = 0;
    let rows = 0;
    let ended = false;
    const flush = async () => {
      if (!table || !batch.length) return;
      const target = qualified(table.schema, table.name);
      const cols = table.columns.map(ident).join(", ");
      // json_populate_recordset gives each value its column's type; generated columns are left to Postgres.
      await client.query(
        `insert into ${target} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${target}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      rows += batch.length;
      batch = [];
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (!line.control) {
        if (!table) throw new StackError("备份文件格式错误：行数据前缺少表头。Malformed backup: rows before a table header.");
        if (table.schema === "supabase_migrations") continue;
        batch.push(line.row);
        if (batch.length >= BATCH) await flush();
        continue;
      }
      await flush();
      const control = line.value;
      if (control.end) {
        ended = true;
        break;
      }
      const [schema, ...rest] = String(control.table).split(".");
      const name = rest.join(".");
      const here = existing.get(`${schema}.${name}`);
      const columns = control.columns as string[];
      const missing = columns.filter((c) => !here?.columns.includes(c));
      if (!here || missing.length) {
        throw new StackError(
          `备份中的表 ${control.table} 与当前数据库不符（缺少 ${here ? missing.join(", ") : "该表"}），未做任何更改。\n` +
            `Table ${control.table} of the backup does not match this database (missing: ${here ? missing.join(", ") : "the table"}); nothing was changed.`,
        );
      }
      table = { schema, name, columns };
      if (schema !== "supabase_migrations") tables++;
    }
    if (!ended) {
      throw new StackError(`备份文件 ${file} 不完整（没有结尾），未做任何更改。The backup file is incomplete (no end line); nothing was changed.`);
    }
    for (const seq of header.sequences) {
      await client.query("select pg_catalog.setval($1::regclass, $2, $3)", [seq.name, seq.last_value ?? 1, seq.last_value !== null]);
    }
    await client.query("commit");
    return { tables, rows, created_at: header.created_at };
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
