import { AuthError } from "./http.ts";

/** Sign-in and sign-up attempts allowed per client IP and per email address in one window. */
export interface AuthRateLimits {
  windowSeconds: number;
  perIp: number;
  perEmail: number;
}

/**
 * For `npm start`: 10 attempts per email and 120 per IP in 5 minutes. (Hosted allows 30 per IP,
 * but here every browser of the office arrives through the admin's proxy, as 127.0.0.1.) Tests
 * sign in a lot from 127.0.0.1 and pass their own limits.
 */
export const DEFAULT_AUTH_RATE_LIMITS: AuthRateLimits = { windowSeconds: 300, perIp: 120, perEmail: 10 };

/** Limits from AUTH_RATE_LIMIT_IP / AUTH_RATE_LIMIT_EMAIL / AUTH_RATE_LIMIT_WINDOW, else the defaults. */
export function authRateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthRateLimits {
  const num = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    windowSeconds: num(env.AUTH_RATE_LIMIT_WINDOW, DEFAULT_AUTH_RATE_LIMITS.windowSeconds),
    perIp: num(env.AUTH_RATE_LIMIT_IP, DEFAULT_AUTH_RATE_LIMITS.perIp),
    perEmail: num(env.AUTH_RATE_LIMIT_EMAIL, DEFAULT_AUTH_RATE_LIMITS.perEmail),
  };
}

/** Fixed-window counters in memory (one auth process, like the local stack has). */
export class RateLimiter {
  private readonly counts = new Map<string, { start: number; n: number }>();

  constructor(private readonly limits: AuthRateLimits) {}

  /** Counts one attempt for each key; refuses with GoTrue's 429 when any key is over its limit. */
  hit(keys: { ip?: string; email?: string }): void {
    const now = Date.now();
    const windowMs = this.limits.windowSeconds * 1000;
    if (this.counts.size > 10_000) {
      for (const [key, c] of this.counts) if (now - c.start >= windowMs) this.counts.delete(key);
    }
    const over = [
      keys.ip !== undefined && this.count(`ip:${keys.ip}`, now, windowMs) > this.limits.perIp,
      keys.email !== undefined && this.count(`email:${keys.email}`, now, windowMs) > this.limits.perEmail,
    ].some(Boolean);
    if (over) throw new AuthError(429, "over_request_rate_limit", "Request rate limit reached");
  }

  private count(key: string, now: number, windowMs: number): number {
    const c = this.counts.get(key);
    if (!c || now - c.start >= windowMs) {
      this.counts.set(key, { start: now, n: 1 });
      return 1;
    }
    c.n += 1;
    return c.n;
  }
}
