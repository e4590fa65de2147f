import { supabase } from "../providers/supabase-client.ts";
import { fetchIdentity, type StaffIdentity } from "./identity.ts";

/**
 * The signed-in person's identity, loaded once per user and shared by the auth provider
 * (getIdentity), the access-control provider and the project context.
 */
let cached: { userId: string; identity: Promise<StaffIdentity | null> } | null = null;

export async function loadIdentity(): Promise<StaffIdentity | null> {
  const { data } = await supabase.auth.getSession();
  const userId = data.session?.user.id;
  if (!userId) return null;
  if (cached?.userId !== userId) {
    const identity = fetchIdentity(supabase);
    cached = { userId, identity };
    identity.catch(() => {
      if (cached?.identity === identity) cached = null;
    });
  }
  return cached.identity;
}

export function forgetIdentity(): void {
  cached = null;
}
