import crypto from "node:crypto";
import type pg from "pg";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { AuthError } from "./http.ts";
import { userJson, type UserRow } from "./users.ts";

/** One hour; scripts/at-utc.sh lengthens it so that PostgREST, which runs on the real clock, still
 * accepts tokens minted on a clock set back to another hour of the day. */
export const ACCESS_TOKEN_SECONDS = Number(process.env.LOCAL_ACCESS_TOKEN_SECONDS) || 3600;

/** GoTrue's GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL (10 s by default, as hosted). */
export const REFRESH_TOKEN_REUSE_INTERVAL_SECONDS = Number(process.env.AUTH_REFRESH_TOKEN_REUSE_INTERVAL ?? 10);

export interface AccessClaims {
  sub: string;
  role: string;
  session_id?: string;
  email?: string;
  exp: number;
}

/** Issues and checks sessions, access tokens (HS256 JWTs) and rotating refresh tokens. */
export class Sessions {
  private readonly key: Uint8Array;

  constructor(
    private readonly db: pg.Pool,
    jwtSecret: string,
    private readonly issuer: string,
    private readonly reuseIntervalSeconds = REFRESH_TOKEN_REUSE_INTERVAL_SECONDS,
  ) {
    this.key = new TextEncoder().encode(jwtSecret);
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ["HS256"] });
      return payload as unknown as AccessClaims;
    } catch (error) {
      const reason =
        error instanceof joseErrors.JWTExpired
          ? "token has invalid claims: token is expired"
          : "unable to parse or verify signature, token is unverifiable";
      throw new AuthError(403, "bad_jwt", `invalid JWT: ${reason}`);
    }
  }

  private async accessToken(user: UserRow, sessionId: string, method: string) {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + ACCESS_TOKEN_SECONDS;
    const token = await new SignJWT({
      aud: "authenticated",
      email: user.email,
      phone: user.phone ?? "",
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      role: user.role ?? "authenticated",
      aal: "aal1",
      amr: [{ method, timestamp: now }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(user.id)
      .setIssuer(this.issuer)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, exp };
  }

  private async sessionJson(user: UserRow, sessionId: string, refreshToken: string, method: string) {
    const { token, exp } = await this.accessToken(user, sessionId, method);
    return {
      access_token: token,
      token_type: "bearer",
      expires_in: ACCESS_TOKEN_SECONDS,
      expires_at: exp,
      refresh_token: refreshToken,
      user: userJson(user),
    };
  }

  private static newRefreshToken(): string {
    return crypto.randomBytes(18).toString("base64url");
  }

  async start(user: UserRow, method = "password") {
    const sessionId = crypto.randomUUID();
    const refreshToken = Sessions.newRefreshToken();
    await this.db.query("insert into auth.sessions (id, user_id) values ($1, $2)", [sessionId, user.id]);
    await this.db.query("insert into auth.refresh_tokens (token, user_id, session_id) values ($1, $2, $3)", [
      refreshToken,
      user.id,
      sessionId,
    ]);
    return this.sessionJson(user, sessionId, refreshToken, method);
  }

  /**
   * Rotation as GoTrue does it: the presented token is revoked and a child issued. A revoked token
   * presented again is allowed only (a) when it is the parent of the session's active token — the
   * client lost the answer — and then that active token is returned, not a new one; or (b) within
   * the reuse interval after it was revoked (GoTrue's REFRESH_TOKEN_REUSE_INTERVAL, 10 s), then a
   * sibling is issued. Any later reuse is treated as theft: the whole session ends (GoTrue revokes
   * the token family; here the session goes, so its access tokens die too). Rows are locked, so
   * concurrent refreshes of one session queue up.
   */
  async refresh(presented: string, loadUser: (id: string) => Promise<UserRow | null>) {
    const client = await this.db.connect();
    try {
      await client.query("begin");
      const r = await client.query<{ user_id: string; session_id: string; revoked: boolean; reusable: boolean }>(
        `select user_id, session_id, revoked, updated_at > now() - make_interval(secs => $2) as reusable
           from auth.refresh_tokens where token = $1 for update`,
        [presented, this.reuseIntervalSeconds],
      );
      const row = r.rows[0];
      if (!row) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      const session = await client.query("select id from auth.sessions where id = $1 for update", [row.session_id]);
      if (session.rowCount === 0) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      let issued: string | null = null;
      if (row.revoked) {
        const active = await client.query<{ token: string; parent: string | null }>(
          "select token, parent from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1",
          [row.session_id],
        );
        if (active.rows[0]?.parent === presented) {
          issued = active.rows[0].token;
        } else if (!row.reusable) {
          // Reuse of a rotated token outside the interval: treat the session as compromised.
          await client.query("delete from auth.sessions where id = $1", [row.session_id]);
          await client.query("commit");
          throw new AuthError(400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
        }
      }
      // The person must still exist and not be banned: checked before anything is rotated.
      const user = await loadUser(row.user_id);
      if (!user) throw new AuthError(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      if (!issued) {
        issued = Sessions.newRefreshToken();
        if (!row.revoked) {
          await client.query("update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1", [presented]);
        }
        await client.query("insert into auth.refresh_tokens (token, user_id, session_id, parent) values ($1, $2, $3, $4)", [
          issued,
          row.user_id,
          row.session_id,
          presented,
        ]);
      }
      await client.query("update auth.sessions set updated_at = now() where id = $1", [row.session_id]);
      await client.query("commit");
      return this.sessionJson(user, row.session_id, issued, "token_refresh");
    } catch (error) {
      await client.query("rollback").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async exists(sessionId: string): Promise<boolean> {
    const r = await this.db.query("select 1 from auth.sessions where id = $1", [sessionId]);
    return (r.rowCount ?? 0) > 0;
  }

  async end(claims: AccessClaims, scope: "global" | "local" | "others"): Promise<void> {
    if (scope === "global") {
      await this.db.query("delete from auth.sessions where user_id = $1", [claims.sub]);
    } else if (scope === "local") {
      await this.db.query("delete from auth.sessions where id = $1", [claims.session_id]);
    } else {
      await this.db.query("delete from auth.sessions where user_id = $1 and id <> $2", [claims.sub, claims.session_id]);
    }
  }
}
