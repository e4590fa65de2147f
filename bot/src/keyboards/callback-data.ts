/**
 * Typed callback data for inline buttons: `prefix:value1:value2`, at most 64 bytes (Telegram's
 * limit). Values must not contain ":". A forged or stale payload unpacks to null.
 */
export function callbackData<const F extends readonly string[]>(prefix: string, fields: F) {
  type Values = Record<F[number], string>;
  const filter = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(:|$)`);
  return {
    filter,
    pack(values: Values): string {
      const parts = fields.map((f) => {
        const v = String(values[f as F[number]]);
        if (v.includes(":")) throw new Error(`callback value for ${f} contains ":"`);
        return v;
      });
      const data = [prefix, ...parts].join(":");
      if (Buffer.byteLength(data, "utf8") > 64) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    unpack(data: string | undefined): Values | null {
      if (!data) return null;
      const [head, ...parts] = data.split(":");
      if (head !== prefix || parts.length !== fields.length) return null;
      return Object.fromEntries(fields.map((f, i) => [f, parts[i]])) as Values;
    },
  };
}
