import type { Database } from "@so/shared/database.types";
import { createNodeClient } from "@so/shared/supabase-node";
import { AuthApi, AuthApiError, type AuthSession } from "./auth-api.ts";
import { SURFACE_HEADERS, type Db, type Rpc, type RpcArgs } from "./clients.ts";
import { DbFailure, DbRefusal, toDbError } from "./errors.ts";

export interface TokenSubject {
  id: string;
  email: string;
  name: string;
}

interface Entry {
  db: Db;
  token: string;
  expiresAt: number;
}

/** bot_session_take's answer. */
interface Take {
  state: "fresh" | "leased" | "new" | "busy";
  access_token?: string;
  refresh_token?: string;
  expires_at?: number;
}

/** The person is not (or no longer) bound and active: the bot holds no session for them. */
export class StaffNotBound extends Error {
  constructor(readonly staffId: string) {
    super(`staff ${staffId} is not bound to Telegram or not active`);
    this.name = "StaffNotBound";
  }
}

export interface StaffClientsOptions {
  url: string;
  anonKey: string;
  /** The secret (service role) key: only for the Auth admin API's generate_link. */
  serviceKey: string;
  /** BOT_SESSION_KEY: encrypts the sessions kept in the database. */
  sessionKey: string;
  /** The bot's service client (bot_session_* RPCs). */
  service: Db;
  /** A token with fewer seconds left than this is refreshed first (default 120). */
  minSeconds?: number;
  /** How long to wait for another process's refresh of the same person (default 10 s). */
  waitMs?: number;
  maxEntries?: number;
  fetch?: typeof fetch;
}

/**
 * One supabase-js client per staff member, acting with a real Auth session of theirs — no JWT
 * secret anywhere. The session comes from the Auth admin API (magic link made with the secret key,
 * verified at once), is kept in the database encrypted with BOT_SESSION_KEY (bot_session_* RPCs),
 * and refreshed before it runs out; the database hands the refresh to one process at a time per
 * person (a lease), so concurrent refreshes never reuse a rotated token. Deactivation and unbinding
 * end the session in the database; a request refused because its session ended gets a new
 * session and is sent once more (refused before anything ran, so it is safe to repeat) — unless
 * the person is no longer bound and active, then the refusal stands.
 */
export class StaffClients {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly auth: AuthApi;
  private readonly minSeconds: number;

  constructor(private readonly opts: StaffClientsOptions) {
    this.auth = new AuthApi({ url: opts.url, anonKey: opts.anonKey, serviceKey: opts.serviceKey, fetch: opts.fetch });
    this.minSeconds = opts.minSeconds ?? 120;
  }

  /** Drops what this process holds for the person (the database ends the session itself). */
  forget(staffId: string): void {
    this.entries.delete(staffId);
  }

  async forStaff(subject: TokenSubject): Promise<Db> {
    const cached = this.entries.get(subject.id);
    if (cached && cached.expiresAt - now() > this.minSeconds) return cached.db;
    return (await this.session(subject)).db;
  }

  /** One obtaining per person in this process; `stale` = a token the database just refused. */
  private session(subject: TokenSubject, stale?: string): Promise<Entry> {
    const running = this.inflight.get(subject.id);
    if (running) return running;
    const cached = this.entries.get(subject.id);
    if (stale && cached && cached.token !== stale && cached.expiresAt - now() > this.minSeconds) return Promise.resolve(cached);
    const p = this.obtain(subject, stale).finally(() => this.inflight.delete(subject.id));
    this.inflight.set(subject.id, p);
    return p;
  }

  private async rpc<T, F extends Rpc = Rpc>(fn: F, args: RpcArgs<F>): Promise<T> {
    const { data, error } = await this.opts.service.rpc(fn, args);
    if (error) throw toDbError(fn, error);
    return data as T;
  }

  private async obtain(subject: TokenSubject, stale?: string): Promise<Entry> {
    const deadline = Date.now() + (this.opts.waitMs ?? 10_000);
    for (;;) {
      let take: Take;
      try {
        take = await this.rpc<Take>("bot_session_take", {
          p_staff_id: subject.id,
          p_key: this.opts.sessionKey,
          // a refused token: whatever the clock says, a fresh one is needed
          p_min_seconds: stale ? 1_000_000 : this.minSeconds,
        });
      } catch (error) {
        if (error instanceof DbRefusal && error.code === "bot_session_not_bound") {
          this.entries.delete(subject.id);
          throw new StaffNotBound(subject.id);
        }
        throw error;
      }
      if (take.state === "fresh") {
        // someone else just refreshed it (or nothing was wrong with it after all)
        if (!stale || take.access_token !== stale) return this.remember(subject, take.access_token!, Number(take.expires_at));
        stale = undefined;
        continue;
      }
      if (take.state === "busy") {
        if (Date.now() > deadline) {
          throw new DbFailure("bot session", new Error(`another process has been refreshing staff ${subject.id}'s session too long`));
        }
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 100)));
        continue;
      }
      // This process holds the lease: refresh, or start a new session.
      let session: AuthSession;
      try {
        session = take.state === "leased" ? await this.refreshOrStart(subject, take.refresh_token!) : await this.start(subject);
      } catch (error) {
        await this.opts.service.rpc("bot_session_release", { p_staff_id: subject.id });
        throw error;
      }
      const kept = await this.rpc<boolean>("bot_session_save", {
        p_staff_id: subject.id,
        p_key: this.opts.sessionKey,
        p_session_id: session.sessionId,
        p_access_token: session.accessToken,
        p_refresh_token: session.refreshToken,
        p_expires_at: new Date(session.expiresAt * 1000).toISOString(),
      });
      if (!kept) {
        // unbound or deactivated meanwhile: the database has ended the new session already
        this.entries.delete(subject.id);
        throw new StaffNotBound(subject.id);
      }
      return this.remember(subject, session.accessToken, session.expiresAt);
    }
  }

  private async refreshOrStart(subject: TokenSubject, refreshToken: string): Promise<AuthSession> {
    try {
      return await this.auth.refresh(refreshToken);
    } catch (error) {
      if (error instanceof AuthApiError && error.sessionGone) return this.start(subject);
      throw error;
    }
  }

  private async start(subject: TokenSubject): Promise<AuthSession> {
    const session = await this.auth.signInAs(subject.email);
    if (session.userId !== subject.id) {
      throw new DbFailure("bot session", new Error(`the Auth user of ${subject.email} is not staff ${subject.id}`));
    }
    return session;
  }

  private remember(subject: TokenSubject, token: string, expiresAt: number): Entry {
    const entry: Entry = { db: this.client(subject), token, expiresAt };
    this.entries.delete(subject.id);
    this.entries.set(subject.id, entry);
    while (this.entries.size > (this.opts.maxEntries ?? 500)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry;
  }

  /** The current token of this person, refreshed when it is about to run out. */
  private async token(subject: TokenSubject): Promise<string> {
    const cached = this.entries.get(subject.id);
    if (cached && cached.expiresAt - now() > this.minSeconds / 2) return cached.token;
    return (await this.session(subject)).token;
  }

  private client(subject: TokenSubject): Db {
    const base = this.opts.fetch ?? fetch;
    const renewing: typeof fetch = async (input, init) => {
      const res = await base(input, init);
      if (res.status !== 401) return res;
      const body = (await res.clone().json().catch(() => null)) as { code?: string; details?: string } | null;
      const ended = body?.details === "session_ended" || body?.code === "PGRST301" || body?.code === "PGRST303";
      if (!ended) return res;
      const sent = new Headers(init?.headers).get("authorization")?.replace(/^Bearer\s+/i, "");
      let next: Entry;
      try {
        next = await this.session(subject, sent ?? undefined);
      } catch {
        return res; // not bound any more, or Auth unreachable: the refusal stands
      }
      const headers = new Headers(init?.headers);
      headers.set("Authorization", `Bearer ${next.token}`);
      return base(input, { ...init, headers });
    };
    return createNodeClient(this.opts.url, this.opts.anonKey, {
      accessToken: () => this.token(subject),
      global: { headers: SURFACE_HEADERS, fetch: renewing },
    });
  }
}

const now = () => Math.floor(Date.now() / 1000);
