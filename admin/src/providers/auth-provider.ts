import type { AuthProvider } from "@refinedev/core";
import i18next from "../i18n/index.ts";
import { currentProjectStore } from "../session/current-project-store.ts";
import { effectiveRoles, resolveProject } from "../session/identity.ts";
import { forgetIdentity, loadIdentity } from "../session/identity-cache.ts";
import { passwordErrorMessage, signInErrorMessage } from "./auth-errors.ts";
import { supabase } from "./supabase-client.ts";

const failure = (message: string, title = i18next.t("pages.login.errors.failed")) => ({
  success: false,
  error: { name: title, message },
});

/** Sign-in with email and password on supabase-js; the session lives in localStorage. */
export const authProvider: AuthProvider = {
  login: async ({ email, password }: { email: string; password: string }) => {
    forgetIdentity();
    const { error } = await supabase.auth.signInWithPassword({ email: email.trim(), password });
    if (error) return failure(signInErrorMessage(error));
    return { success: true, redirectTo: "/" };
  },

  logout: async () => {
    forgetIdentity();
    const { error } = await supabase.auth.signOut();
    // A session the server no longer knows is signed out locally all the same.
    if (error && error.status !== 401 && error.status !== 403) return { success: false, error };
    return { success: true, redirectTo: "/login" };
  },

  check: async () => {
    const { data } = await supabase.auth.getSession();
    if (data.session) return { authenticated: true };
    return { authenticated: false, logout: true, redirectTo: "/login" };
  },

  /** A 401 from the API (session gone or expired) signs out; a 403 is only shown. */
  onError: async (error: { statusCode?: number; message?: string }) => {
    if (error?.statusCode === 401) {
      return { logout: true, redirectTo: "/login", error: { message: error.message ?? "", statusCode: 401 } };
    }
    return {};
  },

  getIdentity: () => loadIdentity(),

  /** The roles in the current project. */
  getPermissions: async () => {
    const identity = await loadIdentity();
    return effectiveRoles(identity, resolveProject(identity, currentProjectStore.get()));
  },

  /**
   * 修改密码: the current password is checked first (by signing in with it again), then
   * supabase.auth.updateUser sets the new one.
   */
  updatePassword: async ({ currentPassword, password }: { currentPassword: string; password: string }) => {
    const { data } = await supabase.auth.getSession();
    const email = data.session?.user.email;
    const title = i18next.t("pages.password.title");
    if (!email) return failure(i18next.t("errors.sessionExpired"), title);
    // The auth service checks the current password itself (a session alone cannot change it).
    const { error } = await supabase.auth.updateUser({ password, current_password: currentPassword });
    if (error) return failure(passwordErrorMessage(error), title);
    return { success: true, successNotification: { message: i18next.t("pages.password.success") } };
  },
};
