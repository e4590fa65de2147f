/**
 * The three Auth (GoTrue) calls the bot makes for its staff sessions — the same on hosted Supabase
 * and the local auth service, and none of them needs the project's JWT secret:
 *
 *   POST /auth/v1/admin/generate_link {type: "magiclink", email}   (secret / service key)
 *   POST /auth/v1/verify {type: "magiclink", token_hash}           → a session
 *   POST /auth/v1/token?grant_type=refresh_token {refresh_token}    → the next session
 */

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  /** Unix seconds. */
  expiresAt: number;
  sessionId: string;
  userId: string;
}

/** An answer of the Auth service other than 2xx: GoTrue's `{code, error_code, msg}`. */
export class AuthApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(`auth ${status} ${errorCode}: ${message}`);
    this.name = "AuthApiError";
  }

  /** The refresh token (or its session) is gone for good: only a new session helps. */
  get sessionGone(): boolean {
    return ["refresh_token_not_found", "refresh_token_already_used", "session_not_found", "session_expired"].includes(this.errorCode)
      || (this.status === 400 && /refresh token/i.test(this.message));
  }
}

export class AuthApi {
  constructor(private readonly opts: { url: string; anonKey: string; serviceKey: string; fetch?: typeof fetch }) {}

  private async call(path: string, key: string, body: unknown, bearer?: string): Promise<Record<string, unknown>> {
    const res = await (this.opts.fetch ?? fetch)(`${this.opts.url}/auth/v1${path}`, {
      method: "POST",
      headers: {
        apikey: key,
        ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        "content-type": "application/json",
        "x-client-info": "so-bot",
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // not JSON: reported below with the status
    }
    if (!res.ok) {
      const code = String(json.error_code ?? json.error ?? `http_${res.status}`);
      const msg = String(json.msg ?? json.message ?? json.error_description ?? text.slice(0, 200));
      throw new AuthApiError(res.status, code, msg);
    }
    return json;
  }

  private static session(json: Record<string, unknown>): AuthSession {
    const accessToken = json.access_token;
    const refreshToken = json.refresh_token;
    if (typeof accessToken !== "string" || typeof refreshToken !== "string") {
      throw new AuthApiError(502, "bad_session", "The Auth service answered without a session");
    }
    const claims = decodeClaims(accessToken);
    const expiresAt = Number(json.expires_at ?? claims.exp);
    return {
      accessToken,
      refreshToken,
      expiresAt,
      sessionId: String(claims.session_id ?? ""),
      userId: String(claims.sub ?? (json.user as { id?: string } | undefined)?.id ?? ""),
    };
  }

  /** A new session for this email, through a magic link that is never mailed. */
  async signInAs(email: string): Promise<AuthSession> {
    const link = await this.call("/admin/generate_link", this.opts.serviceKey, { type: "magiclink", email }, this.opts.serviceKey);
    const hashed = link.hashed_token ?? (link.properties as { hashed_token?: string } | undefined)?.hashed_token;
    if (typeof hashed !== "string" || !hashed) {
      throw new AuthApiError(502, "bad_link", "generate_link answered without hashed_token");
    }
    return AuthApi.session(await this.call("/verify", this.opts.anonKey, { type: "magiclink", token_hash: hashed }));
  }

  async refresh(refreshToken: string): Promise<AuthSession> {
    return AuthApi.session(await this.call("/token?grant_type=refresh_token", this.opts.anonKey, { refresh_token: refreshToken }));
  }
}

/** The claims of a JWT the Auth service issued (read, not verified: the database verifies it). */
export function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split(".")[1];
  if (!part) return {};
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}
