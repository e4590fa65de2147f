import path from "node:path";
import { fileURLToPath } from "node:url";
import { authRateLimitsFromEnv, type AuthRateLimits } from "./auth/rate-limit.ts";

/** The Supabase CLI's well-known local defaults. Never used when SUPABASE_URL points elsewhere. */
export const LOCAL_JWT_SECRET = "super-secret-jwt-token-with-at-least-32-characters-long";
export const LOCAL_ANON_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0";
export const LOCAL_SERVICE_ROLE_KEY =
  "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU";
/**
 * The new-style API keys, as the Supabase CLI prints them for a local project: the publishable key
 * stands for `anon`, the secret key for `service_role`. The gateway translates them into the
 * role's JWT before PostgREST and the auth service see the request, as Supabase's API gateway does.
 */
export const LOCAL_PUBLISHABLE_KEY = "sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH";
export const LOCAL_SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";

export const SUPABASE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = path.resolve(SUPABASE_DIR, "..");
export const MIGRATIONS_DIR = path.join(SUPABASE_DIR, "migrations");
export const SEED_FILE = path.join(SUPABASE_DIR, "seed.sql");

export interface StackOptions {
  /** Where Postgres keeps its cluster. */
  dataDir: string;
  gatewayPort: number;
  postgresPort: number;
  postgrestPort: number;
  migrationsDir: string;
  seedFile: string | null;
  jwtSecret: string;
  /** Lines from the children (postgres, postgrest) go here. */
  log: (line: string) => void;
  /** Sign-in/sign-up attempts per IP and per email (GoTrue's rate limits). */
  authRateLimits: AuthRateLimits;
  /** Browser origins the gateway answers CORS for: the admin's own (GATEWAY_CORS_ORIGINS, comma-separated). */
  corsOrigins: string[];
}

export const DEFAULT_CORS_ORIGINS = ["http://localhost:5173", "http://127.0.0.1:5173"];

const corsOriginsFromEnv = (value = process.env.GATEWAY_CORS_ORIGINS) =>
  value ? value.split(",").map((o) => o.trim()).filter(Boolean) : DEFAULT_CORS_ORIGINS;

export const defaultStackOptions = (): StackOptions => ({
  dataDir: path.join(REPO_DIR, ".data", "postgres"),
  gatewayPort: 54321,
  postgresPort: 54322,
  postgrestPort: 54323,
  migrationsDir: MIGRATIONS_DIR,
  seedFile: SEED_FILE,
  jwtSecret: LOCAL_JWT_SECRET,
  log: () => {},
  authRateLimits: authRateLimitsFromEnv(),
  corsOrigins: corsOriginsFromEnv(),
});

/** Password of the cluster's superuser, of `postgres` and of the authenticator role; local only. */
export const LOCAL_DB_PASSWORD = "postgres";

/**
 * The cluster's superuser, named as on hosted Supabase. Migrations and the seed run as `postgres`,
 * which — like on hosted — is no superuser (CREATEROLE, BYPASSRLS). Clusters created before this
 * change have `postgres` as their superuser; they keep working (see migrate.ts).
 */
export const LOCAL_SUPERUSER = "supabase_admin";
