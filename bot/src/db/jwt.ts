import { SignJWT } from "jose";

export interface TokenSubject {
  id: string;
  email: string;
  name: string;
}

/**
 * Lifetime of a minted token: short, so a change in the database is never outlived for long.
 * (scripts/at-utc.sh lengthens it: there the bot's clock is set back while PostgREST's is not.)
 */
export const STAFF_TOKEN_SECONDS = Number(process.env.LOCAL_ACCESS_TOKEN_SECONDS) || 10 * 60;

/**
 * A Supabase access token for a staff member, signed with the project's JWT secret (HS256), in the
 * shape GoTrue issues: PostgREST then runs the request as `authenticated` with `auth.uid()` = sub.
 */
export async function mintStaffToken(
  subject: TokenSubject,
  opts: { jwtSecret: string; issuer: string; now?: number },
): Promise<{ token: string; expiresAt: number }> {
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  const expiresAt = now + STAFF_TOKEN_SECONDS;
  const token = await new SignJWT({
    aud: "authenticated",
    role: "authenticated",
    email: subject.email,
    app_metadata: { provider: "email", providers: ["email"] },
    user_metadata: { name: subject.name },
    is_anonymous: false,
    // The audit log's surface comes from this claim (a client header would be the client's word).
    surface: "bot",
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(subject.id)
    .setIssuer(opts.issuer)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(opts.jwtSecret));
  return { token, expiresAt };
}
