import type pg from "pg";
import { AuthError } from "./http.ts";

export interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string;
  email_confirmed_at: Date | null;
  invited_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  phone: string | null;
  banned_until: Date | null;
  deleted_at: Date | null;
}

const USER_COLUMNS = `id, aud, role, email, email_confirmed_at, invited_at, last_sign_in_at, raw_app_meta_data,
  raw_user_meta_data, created_at, updated_at, phone, banned_until, deleted_at`;

const DEFAULT_APP_METADATA = { provider: "email", providers: ["email"] };

/** The user object GoTrue returns (supabase-js's `User`). */
export function userJson(u: UserRow) {
  return {
    id: u.id,
    aud: u.aud,
    role: u.role,
    email: u.email,
    email_confirmed_at: u.email_confirmed_at,
    phone: u.phone ?? "",
    confirmed_at: u.email_confirmed_at,
    last_sign_in_at: u.last_sign_in_at,
    app_metadata: u.raw_app_meta_data ?? DEFAULT_APP_METADATA,
    user_metadata: u.raw_user_meta_data ?? {},
    identities: [],
    created_at: u.created_at,
    updated_at: u.updated_at,
    is_anonymous: false,
  };
}

export function normalizeEmail(value: unknown): string {
  const email = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new AuthError(400, "validation_failed", "Unable to validate email address: invalid format");
  }
  return email;
}

export function checkPassword(value: unknown): string {
  if (typeof value !== "string" || value.length < 6) {
    throw new AuthError(422, "weak_password", "Password should be at least 6 characters.");
  }
  return value;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export class Users {
  constructor(private readonly db: pg.Pool) {}

  async byId(id: string): Promise<UserRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const r = await this.db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where id = $1`, [id]);
    return r.rows[0] ?? null;
  }

  /**
   * The user when email and password match, else null (one answer for both, like GoTrue). An
   * unknown email is compared against a dummy bcrypt hash, so it costs as long as a wrong
   * password and the answer's timing tells nothing.
   */
  async verifyPassword(email: string, password: string): Promise<UserRow | null> {
    const r = await this.db.query<{ id: string | null; ok: boolean }>(
      `with u as (select id, encrypted_password from auth.users where email = $1),
            h as (select coalesce((select encrypted_password from u), $3) as hash)
       select (select id from u) as id, extensions.crypt($2, (select hash from h)) = (select hash from h) as ok`,
      [email, password, await this.dummyHash()],
    );
    const row = r.rows[0];
    if (!row?.id || !row.ok) return null;
    const user = await this.db.query<UserRow>(
      `update auth.users set last_sign_in_at = now() where id = $1 returning ${USER_COLUMNS}`,
      [row.id],
    );
    return user.rows[0] ?? null;
  }

  /** Whether the user's password is this one (for a password change). */
  async passwordMatches(id: string, password: string): Promise<boolean> {
    const r = await this.db.query<{ ok: boolean }>(
      `select encrypted_password is not null and encrypted_password = extensions.crypt($2, encrypted_password) as ok
         from auth.users where id = $1`,
      [id, password],
    );
    return r.rows[0]?.ok === true;
  }

  private dummy: Promise<string> | undefined;
  /** A bcrypt hash of a random secret, made once, with the cost real hashes have. */
  private dummyHash(): Promise<string> {
    this.dummy ??= this.db
      .query<{ hash: string }>("select extensions.crypt(encode(extensions.gen_random_bytes(18), 'hex'), extensions.gen_salt('bf', 10)) as hash")
      .then((r) => r.rows[0].hash);
    // A failure (the database restarting) is not kept: the next sign-in asks again.
    this.dummy.catch(() => {
      this.dummy = undefined;
    });
    return this.dummy;
  }

  async create(input: {
    email: string;
    password?: string;
    confirmed: boolean;
    userMetadata?: unknown;
    appMetadata?: unknown;
  }): Promise<UserRow> {
    try {
      const r = await this.db.query<UserRow>(
        `insert into auth.users (instance_id, email, encrypted_password, email_confirmed_at, raw_user_meta_data, raw_app_meta_data)
         values ('00000000-0000-0000-0000-000000000000', $1,
                 case when $2::text is null then null else extensions.crypt($2, extensions.gen_salt('bf', 10)) end,
                 case when $3 then now() end, $4, $5)
         returning ${USER_COLUMNS}`,
        [
          input.email,
          input.password ?? null,
          input.confirmed,
          asObject(input.userMetadata) ?? {},
          { ...DEFAULT_APP_METADATA, ...asObject(input.appMetadata) },
        ],
      );
      return r.rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
      }
      throw error;
    }
  }

  async update(
    id: string,
    changes: { email?: string; password?: string; userMetadata?: unknown; appMetadata?: unknown; confirmEmail?: boolean },
  ): Promise<UserRow> {
    const r = await this.db.query<UserRow>(
      `update auth.users set
         email = coalesce($2, email),
         encrypted_password = case when $3::text is null then encrypted_password
                                   else extensions.crypt($3, extensions.gen_salt('bf', 10)) end,
         raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || coalesce($4, '{}'::jsonb),
         raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || coalesce($5, '{}'::jsonb),
         email_confirmed_at = case when $6 then coalesce(email_confirmed_at, now()) else email_confirmed_at end,
         updated_at = now()
       where id = $1
       returning ${USER_COLUMNS}`,
      [id, changes.email ?? null, changes.password ?? null, asObject(changes.userMetadata) ?? null, asObject(changes.appMetadata) ?? null, changes.confirmEmail ?? false],
    ).catch((error) => {
      if ((error as { code?: string }).code === "23505") {
        throw new AuthError(422, "email_exists", "A user with this email address has already been registered");
      }
      throw error;
    });
    if (!r.rows[0]) throw new AuthError(404, "user_not_found", "User not found");
    return r.rows[0];
  }

  async delete(id: string): Promise<UserRow> {
    const r = await this.db.query<UserRow>(`delete from auth.users where id = $1 returning ${USER_COLUMNS}`, [id]);
    if (!r.rows[0]) throw new AuthError(404, "user_not_found", "User not found");
    return r.rows[0];
  }

  async byEmail(email: string): Promise<UserRow | null> {
    const r = await this.db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where email = $1`, [email]);
    return r.rows[0] ?? null;
  }

  /** GoTrue's magic link / recovery: the token's hash goes into recovery_token, with the time it was sent. */
  async setRecoveryToken(id: string, tokenHash: string): Promise<UserRow> {
    const r = await this.db.query<UserRow>(
      `update auth.users set recovery_token = $2, recovery_sent_at = now() where id = $1 returning ${USER_COLUMNS}`,
      [id, tokenHash],
    );
    if (!r.rows[0]) throw new AuthError(404, "user_not_found", "User not found");
    return r.rows[0];
  }

  /**
   * Redeems a recovery / magic-link token hash once: the token is cleared in the same statement
   * that finds it (two verifies of one link cannot both win), the email counts as confirmed (as
   * GoTrue's recoverVerify does) and the sign-in time is set. Null when unknown or older than
   * `maxAgeSeconds`.
   */
  async redeemRecoveryToken(tokenHash: string, maxAgeSeconds: number): Promise<UserRow | null> {
    const r = await this.db.query<UserRow>(
      `update auth.users
          set recovery_token = '', recovery_sent_at = null,
              email_confirmed_at = coalesce(email_confirmed_at, now()), last_sign_in_at = now(), updated_at = now()
        where recovery_token = $1 and recovery_token <> ''
          and recovery_sent_at > now() - make_interval(secs => $2)
          and deleted_at is null
          and (banned_until is null or banned_until <= now())
        returning ${USER_COLUMNS}`,
      [tokenHash, maxAgeSeconds],
    );
    return r.rows[0] ?? null;
  }

  /** Whether a valid-looking token hash belongs to a banned user (GoTrue answers that case apart). */
  async recoveryTokenOfBanned(tokenHash: string): Promise<boolean> {
    const r = await this.db.query(
      "select 1 from auth.users where recovery_token = $1 and recovery_token <> '' and banned_until > now()",
      [tokenHash],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async list(page: number, perPage: number): Promise<{ users: UserRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db.query<UserRow>(`select ${USER_COLUMNS} from auth.users order by created_at, id limit $1 offset $2`, [
        perPage,
        (page - 1) * perPage,
      ]),
      this.db.query<{ n: string }>("select count(*) as n from auth.users"),
    ]);
    return { users: rows.rows, total: Number(count.rows[0].n) };
  }
}
