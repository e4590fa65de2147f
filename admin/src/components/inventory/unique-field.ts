import type { FormInstance } from "antd";
import type { HttpError } from "@refinedev/core";

/**
 * A unique violation (23505) marked on the one field that makes the row unique in its project.
 * Row-level security hides Postgres's DETAIL (which names the columns), so the form says which
 * field it is: buildings (project, code) → code; policies (project, name) → name.
 */
export const markUniqueField = (form: FormInstance, field: string) => (error: HttpError) => {
  if ((error as HttpError & { code?: string }).code === "23505") form.setFields([{ name: field, errors: [error.message] }]);
};
