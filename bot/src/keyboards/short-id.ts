/**
 * UUIDs in 22 characters (base64url of the 16 bytes) so that two of them and an action fit in a
 * button's 64 bytes. Anything that is not exactly such a string decodes to null.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT = /^[A-Za-z0-9_-]{22}$/;

export function shortId(uuid: string): string {
  if (!UUID.test(uuid)) throw new Error(`not a uuid: ${uuid}`);
  return Buffer.from(uuid.replace(/-/g, ""), "hex").toString("base64url");
}

export function fromShortId(short: string | undefined): string | null {
  if (!short || !SHORT.test(short)) return null;
  const hex = Buffer.from(short, "base64url").toString("hex");
  if (hex.length !== 32 || Buffer.from(hex, "hex").toString("base64url") !== short) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
