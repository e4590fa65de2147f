import i18next from "../../i18n/index.ts";
import { supabase } from "../../providers/supabase-client.ts";
import { forgetIdentity } from "../../session/identity-cache.ts";

/** supabase.auth.signUp; resolves to null when signed up (and signed in), else a message to show. */
export async function signUp({ name, email, password }: { name: string; email: string; password: string }): Promise<string | null> {
  forgetIdentity();
  const { data, error } = await supabase.auth.signUp({ email: email.trim(), password, options: { data: { name: name.trim() } } });
  if (error) {
    if (error.code === "user_already_exists" || /already registered/i.test(error.message)) return i18next.t("registerPage.errors.exists");
    if (error.code === "weak_password") return i18next.t("pages.password.errors.weak");
    if (error.code === "signup_disabled") return i18next.t("registerPage.errors.disabled");
    if (!error.status || error.name === "AuthRetryableFetchError") return i18next.t("pages.login.errors.network");
    return i18next.t("registerPage.errors.failed", { message: error.message });
  }
  // A project that confirms emails first answers without a session: the person must confirm.
  if (!data.session) return i18next.t("registerPage.errors.confirmEmail");
  return null;
}
