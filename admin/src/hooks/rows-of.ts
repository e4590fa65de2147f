/**
 * The rows of a `returns table` function read with refine's useCustom: until the first answer
 * its result holds an empty object, not a list, so a page drawing early gets no rows.
 */
export const rowsOf = <T>(data: unknown): T[] => (Array.isArray(data) ? (data as T[]) : []);
