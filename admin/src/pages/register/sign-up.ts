import i18next from "../../i18n/index.ts";
import { supabase } from "../../providers/supabase-client.ts";
import { signInErrorMessage } from "../../providers/auth-errors.ts";
import { forgetIdentity } from "../../session/identity-cache.ts";

/** supabase.auth.signUp; resolves to null when signed up (and signed in), else a message to show. */
export async function signUp({
  name,
  email,
  password,
  redirectTo,
}: {
  name: string;
  email: string;
  password: string;
  /** Where the confirmation email leads back to (the invitation link), when emails are confirmed first. */
  redirectTo?: string;
}): Promise<string | null> {
  forgetIdentity();
  const { data, error } = await supabase.auth.signUp({
    email: email.trim(),
    password,
    options: { data: { name: name.trim() }, ...(redirectTo ? { emailRedirectTo: redirectTo } : {}) },
  });
  if (error) {
    if (error.code === "user_already_exists" || /already registered/i.test(error.message)) return i18next.t("registerPage.errors.exists");
    if (error.code === "weak_password") return i18next.t("pages.password.errors.weak");
    if (error.code === "signup_disabled") return i18next.t("registerPage.errors.disabled");
    if (!error.status || error.name === "AuthRetryableFetchError") return i18next.t("pages.login.errors.network");
    return i18next.t("registerPage.errors.failed", { message: error.message });
  }
  // A project that confirms emails first answers without a session: the person must confirm.
  if (!data.session) return i18next.t(redirectTo ? "registerPage.confirmThenOpen" : "registerPage.errors.confirmEmail");
  return null;
}

/** supabase.auth.signInWithPassword; null when signed in, else a message to show. */
export async function signIn({ email, password }: { email: string; password: string }): Promise<string | null> {
  forgetIdentity();
  const { error } = await supabase.auth.signInWithPassword({ email: email.trim(), password });
  return error ? signInErrorMessage(error) : null;
}

/** accept_invitation(token): null when the invited roles are now the caller's, else the database's refusal. */
export async function acceptInvitation(token: string): Promise<string | null> {
  const { error } = await supabase.rpc("accept_invitation", { p_token: token });
  forgetIdentity();
  return error ? error.message : null;
}
