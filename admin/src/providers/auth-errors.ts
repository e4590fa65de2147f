import type { AuthError } from "@supabase/supabase-js";
import i18next from "../i18n/index.ts";

/** A supabase-js sign-in failure as a message a person can act on, in the UI language. */
export function signInErrorMessage(error: AuthError): string {
  const code = error.code ?? "";
  if (code === "invalid_credentials" || /invalid login credentials/i.test(error.message)) {
    return i18next.t("pages.login.errors.invalidCredentials");
  }
  if (code === "email_not_confirmed") return i18next.t("pages.login.errors.emailNotConfirmed");
  if (error.status === 429 || code === "over_request_rate_limit") return i18next.t("pages.login.errors.tooManyRequests");
  if (!error.status || error.name === "AuthRetryableFetchError") return i18next.t("pages.login.errors.network");
  return i18next.t("pages.login.errors.unknown", { message: error.message });
}

/** A failure of supabase.auth.updateUser({ password }) as a message. */
export function passwordErrorMessage(error: AuthError): string {
  if (error.code === "weak_password") return i18next.t("pages.password.errors.weak");
  if (error.code === "same_password") return i18next.t("pages.password.errors.sameAsCurrent");
  if (error.code === "invalid_credentials" || error.code === "reauthentication_needed") return i18next.t("pages.password.errors.wrongCurrent");
  if (error.status === 429 || error.code === "over_request_rate_limit") return i18next.t("pages.login.errors.tooManyRequests");
  if (!error.status || error.name === "AuthRetryableFetchError") return i18next.t("pages.login.errors.network");
  return i18next.t("pages.password.errors.failed", { message: error.message });
}
