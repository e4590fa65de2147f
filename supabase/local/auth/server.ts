import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { AuthError, bearerToken, readJson, sendAuthError, sendJson } from "./http.ts";
import { DEFAULT_AUTH_RATE_LIMITS, RateLimiter, type AuthRateLimits } from "./rate-limit.ts";
import { Sessions, type AccessClaims } from "./sessions.ts";
import { Users, checkPassword, normalizeEmail, userJson, type UserRow } from "./users.ts";

/**
 * A GoTrue-compatible auth service over auth.users: the calls supabase-js makes for password
 * sign-in, sign-up, sessions and the admin API, with GoTrue's status codes and error bodies.
 */
export function createAuthHandler(opts: {
  db: pg.Pool;
  jwtSecret: string;
  issuer: string;
  rateLimits?: AuthRateLimits;
  /** Where email links lead when no allowed redirect_to is given (GoTrue's SITE_URL). */
  siteUrl?: string;
}) {
  const users = new Users(opts.db);
  const siteUrl = opts.siteUrl ?? "http://localhost:5173";
  const sessions = new Sessions(opts.db, opts.jwtSecret, opts.issuer);
  const limiter = new RateLimiter(opts.rateLimits ?? DEFAULT_AUTH_RATE_LIMITS);
  const clientIp = (req: IncomingMessage) => req.socket.remoteAddress ?? "unknown";
  const emailKey = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : undefined);

  async function signedInUser(req: IncomingMessage): Promise<{ claims: AccessClaims; user: UserRow }> {
    const token = bearerToken(req);
    if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a Bearer token");
    const claims = await sessions.verify(token);
    if (claims.session_id && !(await sessions.exists(claims.session_id))) {
      throw new AuthError(403, "session_not_found", "Session from session_id claim in JWT does not exist");
    }
    const user = await users.byId(claims.sub);
    if (!user || user.deleted_at) throw new AuthError(403, "user_not_found", "User from sub claim in JWT does not exist");
    if (isBanned(user)) throw new AuthError(403, "user_banned", "User is banned");
    return { claims, user };
  }

  async function requireServiceRole(req: IncomingMessage): Promise<void> {
    const token = bearerToken(req);
    if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a Bearer token");
    const claims = await sessions.verify(token);
    if (claims.role !== "service_role" && claims.role !== "supabase_admin") {
      throw new AuthError(403, "not_admin", "User not allowed");
    }
  }

  async function passwordGrant(body: Record<string, unknown>) {
    if (typeof body.email !== "string" || typeof body.password !== "string" || !body.email || !body.password) {
      throw new AuthError(400, "validation_failed", "missing email or phone");
    }
    const user = await users.verifyPassword(body.email.trim().toLowerCase(), body.password);
    if (!user || user.deleted_at) throw new AuthError(400, "invalid_credentials", "Invalid login credentials");
    if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned");
    if (!user.email_confirmed_at) throw new AuthError(400, "email_not_confirmed", "Email not confirmed");
    return sessions.start(user);
  }

  async function signUp(body: Record<string, unknown>) {
    const email = normalizeEmail(body.email);
    const password = checkPassword(body.password);
    const user = await users
      .create({ email, password, confirmed: true, userMetadata: body.data })
      .catch((error: unknown) => {
        if (error instanceof AuthError && error.errorCode === "email_exists") {
          throw new AuthError(422, "user_already_exists", "User already registered");
        }
        throw error;
      });
    return sessions.start(user);
  }

  /**
   * POST /admin/generate_link (service role): GoTrue's link without the email — `hashed_token`
   * (sha224 of email + OTP, kept in recovery_token with recovery_sent_at), `email_otp`,
   * `action_link`, and the user's fields at the top level. magiclink and recovery for existing
   * users; GoTrue would sign a new address up for magiclink — the local service does not.
   */
  async function generateLink(req: IncomingMessage, res: ServerResponse) {
    await requireServiceRole(req);
    const body = await readJson(req);
    const type = typeof body.type === "string" ? body.type : "";
    const email = normalizeEmail(body.email);
    if (!LINK_TYPES.has(type)) {
      throw new AuthError(400, "validation_failed", `Invalid email action link type requested: ${type}`);
    }
    const user = await users.byEmail(email);
    if (!user || user.deleted_at) throw new AuthError(404, "user_not_found", "User with this email not found");
    const otp = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
    const hashedToken = tokenHash(email, otp);
    const updated = await users.setRecoveryToken(user.id, hashedToken);
    const redirectTo = typeof body.redirect_to === "string" && body.redirect_to ? body.redirect_to : siteUrl;
    const actionLink = `${opts.issuer}/verify?token=${hashedToken}&type=${type}&redirect_to=${encodeURIComponent(redirectTo)}`;
    return sendJson(res, 200, {
      ...userJson(updated),
      action_link: actionLink,
      email_otp: otp,
      hashed_token: hashedToken,
      verification_type: type,
      redirect_to: redirectTo,
    });
  }

  /**
   * POST /verify: a magic-link or recovery token — `{ type, token_hash }` or `{ type, token, email }`
   * — becomes a session (GoTrue's AccessTokenResponse). Each token works once, for OTP_EXPIRY.
   */
  async function verify(body: Record<string, unknown>) {
    const type = typeof body.type === "string" ? body.type : "";
    const hashParam = typeof body.token_hash === "string" ? body.token_hash.trim() : "";
    const token = typeof body.token === "string" ? body.token.replaceAll("-", "").trim() : "";
    if (!type) throw new AuthError(400, "validation_failed", "Verify requires a verification type");
    if (!hashParam && !token) throw new AuthError(400, "validation_failed", "Verify requires either a token or a token hash");
    if (!VERIFY_TYPES.has(type)) throw new AuthError(400, "validation_failed", "Unsupported verification type");
    let hash = hashParam;
    if (!hash) {
      if (typeof body.email !== "string" || !body.email) {
        throw new AuthError(400, "validation_failed", "Only an email address or phone number should be provided on verify");
      }
      hash = tokenHash(normalizeEmail(body.email), token);
    }
    const user = await users.redeemRecoveryToken(hash, OTP_EXPIRY_SECONDS);
    if (!user) {
      if (await users.recoveryTokenOfBanned(hash)) throw new AuthError(403, "user_banned", "User is banned");
      throw new AuthError(403, "otp_expired", "Token has expired or is invalid");
    }
    return sessions.start(user, "otp");
  }

  async function adminUsers(req: IncomingMessage, res: ServerResponse, url: URL, id: string | undefined) {
    await requireServiceRole(req);
    if (!id && req.method === "GET") {
      const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
      const perPage = Math.min(1000, Math.max(1, Number(url.searchParams.get("per_page") ?? 50) || 50));
      const { users: rows, total } = await users.list(page, perPage);
      const last = Math.max(1, Math.ceil(total / perPage));
      const links = [`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
      if (page < last) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
      return sendJson(res, 200, { users: rows.map(userJson), aud: "authenticated" }, {
        "x-total-count": String(total),
        link: links.join(", "),
      });
    }
    if (!id && req.method === "POST") {
      const body = await readJson(req);
      const user = await users.create({
        email: normalizeEmail(body.email),
        password: body.password === undefined ? undefined : checkPassword(body.password),
        confirmed: body.email_confirm === true,
        userMetadata: body.user_metadata,
        appMetadata: body.app_metadata,
      });
      return sendJson(res, 200, userJson(user));
    }
    if (id && req.method === "GET") {
      const user = await users.byId(id);
      if (!user) throw new AuthError(404, "user_not_found", "User not found");
      return sendJson(res, 200, userJson(user));
    }
    if (id && req.method === "PUT") {
      const body = await readJson(req);
      const user = await users.update(id, {
        email: body.email === undefined ? undefined : normalizeEmail(body.email),
        password: body.password === undefined ? undefined : checkPassword(body.password),
        userMetadata: body.user_metadata,
        appMetadata: body.app_metadata,
        confirmEmail: body.email_confirm === true,
      });
      return sendJson(res, 200, userJson(user));
    }
    if (id && req.method === "DELETE") {
      return sendJson(res, 200, userJson(await users.delete(id)));
    }
    throw new AuthError(405, "method_not_allowed", "Method not allowed");
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string) {
    const url = new URL(path, "http://auth.local");
    const route = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";

    if (route === "/health") return sendJson(res, 200, { version: "local", name: "GoTrue", description: "local twin" });
    if (route === "/settings") {
      return sendJson(res, 200, {
        external: { email: true, phone: false },
        disable_signup: false,
        mailer_autoconfirm: true,
        phone_autoconfirm: false,
      });
    }
    if (route === "/token" && method === "POST") {
      const body = await readJson(req);
      const grant = url.searchParams.get("grant_type");
      if (grant === "password") {
        limiter.hit({ ip: clientIp(req), email: emailKey(body.email) });
        return sendJson(res, 200, await passwordGrant(body));
      }
      if (grant === "refresh_token") {
        if (typeof body.refresh_token !== "string") {
          throw new AuthError(400, "validation_failed", "refresh_token required");
        }
        // A deleted or banned user's refresh token is refused (the user row is checked before rotating).
        return sendJson(res, 200, await sessions.refresh(body.refresh_token, async (id) => {
          const user = await users.byId(id);
          if (!user || user.deleted_at) return null;
          if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned");
          return user;
        }));
      }
      throw new AuthError(400, "unsupported_grant_type", "unsupported_grant_type");
    }
    if (route === "/signup" && method === "POST") {
      const body = await readJson(req);
      limiter.hit({ ip: clientIp(req), email: emailKey(body.email) });
      return sendJson(res, 200, await signUp(body));
    }
    if (route === "/user" && method === "GET") return sendJson(res, 200, userJson((await signedInUser(req)).user));
    if (route === "/user" && method === "PUT") {
      const { user } = await signedInUser(req);
      const body = await readJson(req);
      if (body.password !== undefined) {
        // Like GoTrue with "require current password": a stolen session alone cannot take the account.
        if (typeof body.current_password !== "string" || !body.current_password) {
          throw new AuthError(400, "reauthentication_needed", "Password update requires the current password");
        }
        limiter.hit({ ip: clientIp(req), email: user.email });
        if (!(await users.passwordMatches(user.id, body.current_password))) {
          throw new AuthError(400, "invalid_credentials", "Current password is incorrect");
        }
      }
      const updated = await users.update(user.id, {
        email: body.email === undefined ? undefined : normalizeEmail(body.email),
        password: body.password === undefined ? undefined : checkPassword(body.password),
        userMetadata: body.data,
      });
      return sendJson(res, 200, userJson(updated));
    }
    if (route === "/logout" && method === "POST") {
      const token = bearerToken(req);
      if (!token) throw new AuthError(401, "no_authorization", "This endpoint requires a Bearer token");
      const claims = await sessions.verify(token);
      const scope = url.searchParams.get("scope");
      await sessions.end(claims, scope === "local" || scope === "others" ? scope : "global");
      res.writeHead(204).end();
      return;
    }
    if (route === "/verify" && method === "POST") {
      const body = await readJson(req);
      limiter.hit({ ip: clientIp(req), email: emailKey(body.email) });
      return sendJson(res, 200, await verify(body));
    }
    if (route === "/admin/generate_link" && method === "POST") return generateLink(req, res);
    const admin = /^\/admin\/users(?:\/([^/]+))?$/.exec(route);
    if (admin) return adminUsers(req, res, url, admin[1]);
    throw new AuthError(404, "not_found", "Not found");
  }

  return async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      await route(req, res, path);
    } catch (error) {
      if (error instanceof AuthError) return sendAuthError(res, error);
      if (databaseAway(error)) {
        // Postgres is restarting (the stack's supervisor says so in its own log): one line, a 503 to retry.
        console.error(`[auth] database unavailable: ${(error as Error).message}`);
        return sendAuthError(res, new AuthError(503, "service_unavailable", "The database is unavailable, try again shortly"));
      }
      console.error("[auth]", error);
      sendAuthError(res, new AuthError(500, "unexpected_failure", "Unexpected failure, please check server logs for more information"));
    }
  };
}

/** A connection refused or cut by a stopping Postgres (admin_shutdown, crash_shutdown, cannot_connect_now). */
function databaseAway(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return ["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03"].includes(code ?? "") ||
    /Connection terminated|terminating connection/.test((error as Error)?.message ?? "");
}

function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

/** GoTrue's email OTP expiry (the CLI's local default, auth.email.otp_expiry = 3600 s). */
const OTP_EXPIRY_SECONDS = 3600;
const LINK_TYPES = new Set(["magiclink", "recovery"]);
const VERIFY_TYPES = new Set(["magiclink", "recovery", "email"]);

/** GoTrue's crypto.GenerateTokenHash: hex sha224 of the address followed by the OTP. */
function tokenHash(email: string, otp: string): string {
  return crypto.createHash("sha224").update(email + otp).digest("hex");
}
