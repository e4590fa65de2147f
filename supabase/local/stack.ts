import pg from "pg";
import {
  defaultStackOptions,
  LOCAL_ANON_KEY,
  LOCAL_PUBLISHABLE_KEY,
  LOCAL_SECRET_KEY,
  LOCAL_SERVICE_ROLE_KEY,
  type StackOptions,
} from "./config.ts";
import { createAuthHandler } from "./auth/server.ts";
import { StackError } from "./errors.ts";
import { createGateway } from "./gateway.ts";
import { asPostgresRole, migrate, type MigrationReport } from "./migrate.ts";
import { assertPortsFree } from "./ports.ts";
import { startPostgres } from "./postgres.ts";
import { startPostgrest } from "./postgrest.ts";

export interface LocalStack {
  /** The Supabase URL (gateway): `${url}/rest/v1`, `${url}/auth/v1`. */
  url: string;
  /** Direct superuser connection string to Postgres. */
  dbUrl: string;
  /** The same database as `postgres`, the non-superuser role hosted Supabase gives a project. */
  postgresUrl: string;
  /** Legacy JWT key of `anon`. */
  anonKey: string;
  /** Legacy JWT key of `service_role`. */
  serviceRoleKey: string;
  /** New-style key standing for `anon` (`sb_publishable_…`). */
  publishableKey: string;
  /** New-style key standing for `service_role` (`sb_secret_…`). */
  secretKey: string;
  jwtSecret: string;
  createdDatabase: boolean;
  migrations: MigrationReport;
  stop(): Promise<void>;
}

/**
 * Postgres, then migrations and seed, then PostgREST and the auth service behind one gateway.
 * Whatever started is stopped again if a later part fails.
 */
export async function startLocalStack(overrides: Partial<StackOptions> = {}): Promise<LocalStack> {
  const opts = { ...defaultStackOptions(), ...overrides };
  await assertPortsFree({
    gateway: opts.gatewayPort,
    postgres: opts.postgresPort,
    postgrest: opts.postgrestPort,
  });

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
  };
  try {
    const postgres = await startPostgres({ dataDir: opts.dataDir, port: opts.postgresPort, log: opts.log });
    stops.push(postgres.stop);
    const migrations = await migrate(postgres.url, { migrationsDir: opts.migrationsDir, seedFile: opts.seedFile });

    const postgrest = await startPostgrest({
      postgresPort: opts.postgresPort,
      port: opts.postgrestPort,
      jwtSecret: opts.jwtSecret,
      log: opts.log,
    });
    stops.push(postgrest.stop);
    postgrest.onExit((code) => {
      console.error(`PostgREST 意外退出（code ${code}）。请重新运行 npm start。\nPostgREST exited unexpectedly (code ${code}). Run npm start again.`);
    });

    const url = `http://127.0.0.1:${opts.gatewayPort}`;
    const authDb = new pg.Pool({ connectionString: postgres.url, max: 10 });
    // An idle connection that Postgres ends (shutdown racing the pool's own end) is dropped by the
    // pool; without a listener its 'error' event would crash the process (seen in a test run).
    authDb.on("error", () => {});
    stops.push(() => authDb.end());
    const gateway = createGateway({
      postgrestUrl: postgrest.url,
      jwtSecret: opts.jwtSecret,
      corsOrigins: opts.corsOrigins,
      apiKeys: { publishable: LOCAL_PUBLISHABLE_KEY, secret: LOCAL_SECRET_KEY, anonJwt: LOCAL_ANON_KEY, serviceRoleJwt: LOCAL_SERVICE_ROLE_KEY },
      auth: createAuthHandler({ db: authDb, jwtSecret: opts.jwtSecret, issuer: `${url}/auth/v1`, rateLimits: opts.authRateLimits }),
    });
    await new Promise<void>((resolve, reject) => {
      gateway.once("error", reject);
      gateway.listen(opts.gatewayPort, "127.0.0.1", () => resolve());
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          gateway.closeAllConnections();
          gateway.close(() => resolve());
        }),
    );

    return {
      url,
      dbUrl: postgres.url,
      postgresUrl: asPostgresRole(postgres.url),
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      publishableKey: LOCAL_PUBLISHABLE_KEY,
      secretKey: LOCAL_SECRET_KEY,
      jwtSecret: opts.jwtSecret,
      createdDatabase: postgres.created,
      migrations,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    if (error instanceof StackError) throw error;
    throw new StackError(`本地环境启动失败 Local stack failed to start: ${(error as Error).message}`);
  }
}
