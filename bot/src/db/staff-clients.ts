import { createStaffClient, type Db } from "./clients.ts";
import { mintStaffToken, type TokenSubject } from "./jwt.ts";

interface Entry {
  db: Db;
  expiresAt: number;
  email: string;
}

/**
 * One supabase-js client per staff member, acting with a token minted for them; a fresh token and
 * client once fewer than two minutes are left. Holds clients, never the binding: who is bound is
 * looked up on every update.
 */
export class StaffClients {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly opts: { url: string; anonKey: string; jwtSecret: string; maxEntries?: number },
  ) {}

  /** Drops the client and token kept for this person (deactivated or unbound): nothing of theirs stays usable. */
  forget(staffId: string): void {
    this.entries.delete(staffId);
  }

  async forStaff(subject: TokenSubject): Promise<Db> {
    const now = Math.floor(Date.now() / 1000);
    const cached = this.entries.get(subject.id);
    if (cached && cached.expiresAt - now > 120 && cached.email === subject.email) return cached.db;

    const { token, expiresAt } = await mintStaffToken(subject, {
      jwtSecret: this.opts.jwtSecret,
      issuer: `${this.opts.url}/auth/v1`,
      now,
    });
    const db = createStaffClient(this.opts.url, this.opts.anonKey, token);
    this.entries.delete(subject.id);
    this.entries.set(subject.id, { db, expiresAt, email: subject.email });
    while (this.entries.size > (this.opts.maxEntries ?? 500)) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return db;
  }
}
