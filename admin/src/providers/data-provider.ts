import type { DataProvider } from "@refinedev/core";
import { dataProvider as supabaseDataProvider } from "@refinedev/supabase";
import type { DbClient } from "@so/shared/db-client";
import { toHttpError } from "./postgrest-error.ts";
import { scopeToProject } from "./project-scope.ts";
import { callRpc } from "./rpc.ts";

const CRUD_METHODS = [
  "getList",
  "getMany",
  "getOne",
  "create",
  "createMany",
  "update",
  "updateMany",
  "deleteOne",
  "deleteMany",
] as const;

export interface DataProviderOptions {
  /** The Supabase URL, for `getApiUrl()`. */
  url: string;
  /** The UI language, for the messages of errors the database did not word itself. */
  getLocale?: () => string;
  /** The project in use (the header's choice), or null while unknown. */
  getProjectId?: () => string | null;
}

/**
 * `@refinedev/supabase`'s data provider (tables and views through PostgREST) plus:
 *
 * - **RPC convention.** `custom()` calls a database function when `url` is `rpc/<function>`
 *   (see `rpc.ts`); any other `url` is refused:
 *
 *       const { mutate } = useCustomMutation();
 *       mutate({ url: "rpc/hold_unit", method: "post", values: { p_unit: id } });
 *       // → supabase.rpc("hold_unit", { p_unit: id }); resolves to { data: <the result> }
 *
 *   Functions that change data: `useCustomMutation` (POST; `values` are the arguments).
 *   Read-only (`stable`) functions may also be read with
 *   `useCustom({ url: "rpc/…", method: "get", config: { query: {...} } })` (GET).
 *   `meta.schema` picks another exposed schema.
 *
 * - **The current project.** Lists of project-bound tables and views are limited to the
 *   project in use (`scopeToProject`): pages do not filter by project themselves.
 *
 * - **Errors.** Every failure is a refine HttpError whose `message` is the database's zh-CN
 *   message, with `details` kept as the machine code (see `postgrest-error.ts`), e.g.
 *   `{ message: "您没有权限执行此操作", details: "forbidden", statusCode: 403 }`.
 */
export function createDataProvider(client: DbClient, options: DataProviderOptions): DataProvider {
  const locale = () => options.getLocale?.() ?? "zh-CN";
  const base = supabaseDataProvider(client);

  // Keeps each method's own (generic) signature; only the rejection changes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const guarded = <F extends (...args: any[]) => Promise<unknown>>(call: F): F =>
    (async (...args: Parameters<F>) => {
      try {
        return await call(...args);
      } catch (error) {
        const table = (args[0] as { resource?: string } | undefined)?.resource;
        throw toHttpError(error, locale(), { table });
      }
    }) as F;

  const crud = Object.fromEntries(CRUD_METHODS.map((name) => [name, guarded(base[name])]));
  const getList: DataProvider["getList"] = async (params) => {
    const filters = scopeToProject(params.resource, params.filters, params.meta as { allProjects?: boolean } | undefined, options.getProjectId?.() ?? null);
    if (filters === "none") return { data: [], total: 0 };
    return (crud.getList as DataProvider["getList"])({ ...params, filters });
  };
  return {
    ...(crud as Pick<DataProvider, (typeof CRUD_METHODS)[number]>),
    getList,
    custom: ((params) => callRpc(client, params, locale())) as DataProvider["custom"],
    getApiUrl: () => `${options.url.replace(/\/$/, "")}/rest/v1`,
  };
}
