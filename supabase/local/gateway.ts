import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { jwtVerify } from "jose";
import { createAdmission } from "./admission.ts";
import { relayAnswer } from "./compression.ts";

const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-methods": "GET,POST,PUT,PATCH,DELETE,OPTIONS,HEAD",
  "access-control-allow-headers":
    "authorization,x-client-info,apikey,content-type,prefer,range,accept,accept-profile,content-profile,x-supabase-api-version,x-upsert",
  "access-control-expose-headers": "content-range,content-location,x-total-count,link,x-supabase-api-version",
  "access-control-max-age": "3600",
};

type AuthHandler = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** The new-style keys of the project and the legacy JWT of the role each stands for. */
export interface ApiKeys {
  publishable: string;
  secret: string;
  anonJwt: string;
  serviceRoleJwt: string;
}

const INVALID_KEY = { message: "Invalid API key", hint: "Double check your Supabase `anon` or `service_role` API key." };

/**
 * The Supabase API on one port, like Kong in the Supabase stack: `/rest/v1` to PostgREST,
 * `/auth/v1` to the auth service, and an `apikey` that must be a project key.
 */
export function createGateway(opts: {
  postgrestUrl: string;
  auth: AuthHandler;
  jwtSecret: string;
  /** Origins whose browsers may call the API (the admin's own); "*" allows any. Others get no CORS headers. */
  corsOrigins?: string[];
  /** `sb_publishable_…` / `sb_secret_…` keys, accepted besides the legacy JWT keys. */
  apiKeys?: ApiKeys;
  /** `GET /health`: the whole stack's health, public like the auth service's own (stack.ts). */
  health?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Requests in flight to PostgREST at most (about its database pool); the rest wait here in arrival order. */
  upstreamLimit?: number;
}): http.Server {
  const origins = new Set(opts.corsOrigins ?? ["http://localhost:5173", "http://127.0.0.1:5173"]);
  /** CORS headers for this request: only for an allowed Origin (none for other origins or none sent). */
  function corsFor(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !(origins.has("*") || origins.has(origin))) return {};
    // Timing-Allow-Origin: the admin may read its own requests' sizes and timings (performance tools).
    return { ...CORS_HEADERS, "access-control-allow-origin": origin, "timing-allow-origin": origin, vary: "Origin" };
  }
  const secret = new TextEncoder().encode(opts.jwtSecret);
  const knownKeys = new Map<string, boolean>();
  const upstream = new URL(opts.postgrestUrl);
  // Idle upstream connections are dropped by us after 4 s, well before PostgREST (warp) closes them
  // itself: a request sent on a connection the upstream is closing at that moment failed with
  // ECONNRESET, answered 502 (the occasional 502s on page data requests). Writes ride kept
  // connections too (a new connection per write was the gateway's largest cost on opening day), but
  // are never sent twice: only a read is retried below.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  const admission = opts.upstreamLimit ? createAdmission(opts.upstreamLimit) : undefined;

  async function isProjectKey(key: string): Promise<boolean> {
    const known = knownKeys.get(key);
    if (known !== undefined) return known;
    const ok = await jwtVerify(key, secret, { algorithms: ["HS256"] }).then(
      ({ payload }) => payload.role === "anon" || payload.role === "service_role",
      () => false,
    );
    if (knownKeys.size < 1000) knownKeys.set(key, ok);
    return ok;
  }

  /**
   * A new-style key as Supabase's API gateway treats it: it must be one of the project's keys; it is
   * replaced by the JWT of its role (anon / service_role) in `apikey`, and in `Authorization` when
   * that is absent or carries the key itself (supabase-js sends the key there before sign-in). A
   * user's own access token in `Authorization` is passed on untouched. A secret key sent by a
   * browser is refused, as hosted does.
   */
  function translateNewKey(req: IncomingMessage, apikey: string): { ok: true; jwt: string } | { ok: false; body: unknown } {
    const keys = opts.apiKeys;
    const jwt = keys && (apikey === keys.publishable ? keys.anonJwt : apikey === keys.secret ? keys.serviceRoleJwt : undefined);
    if (!jwt) return { ok: false, body: INVALID_KEY };
    if (apikey.startsWith("sb_secret_") && /Mozilla\//.test(req.headers["user-agent"] ?? "")) {
      return { ok: false, body: { message: "Forbidden use of secret API key in browser", hint: "Secret API keys can only be used in a protected environment and should never be used in a browser." } };
    }
    req.headers.apikey = jwt;
    const authorization = req.headers.authorization;
    if (!authorization || authorization === `Bearer ${apikey}`) req.headers.authorization = `Bearer ${jwt}`;
    return { ok: true, jwt };
  }

  function reply(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { ...corsFor(req), "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }

  function proxyToPostgrest(req: IncomingMessage, res: ServerResponse, path: string, apikey: string, retry = true): void {
    // connection and keep-alive are hop-by-hop: this hop's agent decides them.
    const { connection: _connection, "keep-alive": _keepAlive, ...passed } = req.headers;
    const headers = { ...passed, host: upstream.host };
    if (!headers.authorization) headers.authorization = `Bearer ${apikey}`;
    const idempotent = req.method === "GET" || req.method === "HEAD";
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers, agent },
      (answer) => {
        // PostgREST answers CORS for any origin itself: its headers are replaced by ours.
        const headers = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith("access-control-")));
        relayAnswer(req, res, answer, { ...headers, ...corsFor(req) });
      },
    );
    forward.on("error", (error: NodeJS.ErrnoException) => {
      // A reused keep-alive connection the upstream had just closed: a read (no body) is sent again, once.
      if (retry && idempotent && forward.reusedSocket && !res.headersSent && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        proxyToPostgrest(req, res, path, apikey, false);
        return;
      }
      if (!res.headersSent) reply(req, res, 502, { message: "An invalid response was received from the upstream server" });
      else res.destroy();
    });
    // A read has no body: ended at once (so that a retry, after the request stream ended, is sent too).
    if (idempotent) forward.end();
    else req.pipe(forward);
  }

  const server = http.createServer(async (req, res) => {
    if (req.method === "OPTIONS") {
      // Like Kong's cors plugin: allow whatever headers the browser asks for (x-surface, …).
      const cors = corsFor(req);
      if (!Object.keys(cors).length) {
        res.writeHead(403, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify({ message: "Origin not allowed" }));
        return;
      }
      const requested = req.headers["access-control-request-headers"];
      res.writeHead(204, { ...cors, ...(requested ? { "access-control-allow-headers": requested } : {}) }).end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://gateway.local");
    if (opts.health && /^\/health\/?$/.test(url.pathname)) return opts.health(req, res);
    let apikey = (req.headers.apikey as string | undefined) ?? url.searchParams.get("apikey");
    const rest = /^\/rest\/v1(\/.*)?$/.exec(url.pathname);
    const auth = /^\/auth\/v1(\/.*)?$/.exec(url.pathname);
    if (!rest && !auth) return reply(req, res, 404, { message: "no Route matched with those values" });
    // The auth service's health and settings are public in Supabase too.
    const publicAuthPath = auth && /^\/(health|settings)\/?$/.test(auth[1] ?? "");
    if (!publicAuthPath) {
      if (!apikey) return reply(req, res, 401, { message: "No API key found in request", hint: "No `apikey` request header or url param was found." });
      if (apikey.startsWith("sb_")) {
        const translated = translateNewKey(req, apikey);
        if (!translated.ok) return reply(req, res, 401, translated.body);
        apikey = translated.jwt;
      } else if (!(await isProjectKey(apikey))) return reply(req, res, 401, INVALID_KEY);
    }
    url.searchParams.delete("apikey");
    const rest_of_path = `${(rest ?? auth)![1] ?? "/"}${url.search}`;
    if (rest) {
      if (!admission) return proxyToPostgrest(req, res, rest_of_path, apikey!);
      // The place is held until the answer has gone out or the client has gone (then also off the queue).
      const leave = admission.enter(() => proxyToPostgrest(req, res, rest_of_path, apikey!));
      res.once("close", leave);
      return;
    }
    for (const [name, value] of Object.entries(corsFor(req))) res.setHeader(name, value);
    return opts.auth(req, res, rest_of_path);
  });
  // Clients keep their connection between calls (a buyer's hold, then the subscription). Node's
  // default 5 s idle limit closed connections a client was just reusing ("other side closed",
  // an error for a write that never arrived); 65 s outlasts the clients' own idle limits.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
