import type { FormInstance } from "antd";
import type { z } from "zod";

export type Parsed<T> = { ok: true; data: T } | { ok: false; message: string | null };

/**
 * Validates form values with one of the shared zod schemas (`shared/src/schemas/*`). Issues of a
 * field are set on that form field (fields are named as the function's arguments, e.g.
 * `p_phone`, or mapped by `rename`); other issues come back as `message`; `fields` limits
 * which fields may be marked. On success: the parsed
 * values (phones normalised, text trimmed, empty → null).
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  form: FormInstance,
  values: unknown,
  options: { fields?: readonly string[]; rename?: Record<string, string> } = {},
): Parsed<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const byField = new Map<string, string[]>();
  let message: string | null = null;
  for (const issue of result.error.issues) {
    const argument = issue.path.length ? String(issue.path[0]) : "";
    const field = options.rename?.[argument] ?? argument;
    if (field && (!options.fields || options.fields.includes(field))) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else message ??= issue.message;
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return { ok: false, message };
}

/**
 * antd keeps errors set with setFields until the field is validated again, and these forms
 * validate with zod on submit: a field's error goes as soon as its value changes.
 */
export const clearErrorsOnChange = (form: FormInstance) => (changed: Record<string, unknown>) =>
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
