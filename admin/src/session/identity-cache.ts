import { supabase } from "../providers/supabase-client.ts";
import { fetchIdentity, type StaffIdentity } from "./identity.ts";

/**
 * The signed-in person's identity, loaded once per user and shared by the auth provider
 * (getIdentity), the access-control provider and the project context.
 */
let cached: { userId: string; identity: Promise<StaffIdentity | null> } | null = null;

/**
 * Who is signed in, as supabase-js last announced it (undefined until it has). Each access check
 * asks for the identity; without this each would first wait for `getSession()`, which supabase-js
 * serialises behind one lock with every API request's own token lookup — dozens of menu entries'
 * checks then queued in front of the page's data requests.
 */
let announcedUserId: string | null | undefined;
supabase.auth.onAuthStateChange((_event, session) => {
  announcedUserId = session?.user.id ?? null;
});

export async function loadIdentity(): Promise<StaffIdentity | null> {
  if (cached && announcedUserId === cached.userId) return cached.identity;
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
