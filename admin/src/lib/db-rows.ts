import type { Database, Views } from "@so/shared/database.types";

type ViewName = keyof Database["public"]["Views"];

/**
 * A view's row as the admin reads it. Postgres reports every view column as nullable, so the
 * generated `Views<V>` has `| null` everywhere; `Nullable` names the columns the view can leave
 * null (an outer join, an optional field) and every other column is filled. Column names are
 * checked against the view: renaming one in a migration breaks the compile here.
 */
export type ViewRow<V extends ViewName, Nullable extends keyof Views<V> = never> = {
  [K in keyof Views<V>]: K extends Nullable ? Views<V>[K] : NonNullable<Views<V>[K]>;
};

/** `T` with some columns typed more narrowly: a jsonb of known shape, an embedded relation. */
export type With<T, U> = Omit<T, keyof U> & U;
