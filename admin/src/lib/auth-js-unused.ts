/**
 * Stand-ins for parts of @supabase/auth-js that GoTrueClient builds or imports but the admin
 * never uses: the service-role admin API (`auth.admin`, server-side only), passkeys/WebAuthn
 * and Web3 wallet sign-in. The admin signs in with email and password. `vite.config.ts` resolves
 * auth-js's own `./GoTrueAdminApi`, `./lib/webauthn` and `./lib/web3/ethereum` here, for the
 * admin build only (≈ 8 KB gzip off the sign-in page). Using any of them fails loudly.
 */
import { isAuthError } from "@supabase/auth-js/dist/module/lib/errors.js";
import { _request } from "@supabase/auth-js/dist/module/lib/fetch.js";
import { resolveFetch } from "@supabase/auth-js/dist/module/lib/helpers.js";
import { SIGN_OUT_SCOPES, type SignOutScope } from "@supabase/auth-js/dist/module/lib/types.js";

const unavailable = (what: string) => new Error(`${what} is not bundled in the admin (see src/lib/auth-js-unused.ts)`);
const fail = (what: string) => (): never => {
  throw unavailable(what);
};

/**
 * `new GoTrueAdminApi(...)` in GoTrueClient's constructor. Only `signOut` is real: the user's own
 * sign-out (`auth.signOut()`) ends the session on the server through it — the same request as
 * auth-js's own. Every other method refuses.
 */
export default class GoTrueAdminApi {
  private readonly url: string;
  private readonly headers: Record<string, string>;
  private readonly fetch: typeof fetch;

  constructor({ url = "", headers = {}, fetch: customFetch }: { url?: string; headers?: Record<string, string>; fetch?: typeof fetch } = {}) {
    this.url = url;
    this.headers = headers;
    this.fetch = resolveFetch(customFetch);
    return new Proxy(this, { get: (target, key) => (key in target ? target[key as keyof typeof target] : fail(`auth.admin.${String(key)}`)) });
  }

  async signOut(jwt: string, scope: SignOutScope = SIGN_OUT_SCOPES[0]) {
    try {
      await _request(this.fetch, "POST", `${this.url}/logout?scope=${scope}`, { headers: this.headers, jwt, noResolveJson: true });
      return { data: null, error: null };
    } catch (error) {
      if (isAuthError(error)) return { data: null, error };
      throw error;
    }
  }
}

export class WebAuthnApi {
  constructor(_client?: unknown) {
    return new Proxy(this, { get: (target, key) => (key in target ? target[key as keyof typeof target] : fail(`auth.mfa.webauthn.${String(key)}`)) });
  }
}
export const browserSupportsWebAuthn = (): boolean => false;
export const webAuthnAbortService = { createNewAbortSignal: fail("WebAuthn"), cancelCeremony: () => undefined };
export const createCredential = fail("WebAuthn");
export const getCredential = fail("WebAuthn");
export const deserializeCredentialCreationOptions = fail("WebAuthn");
export const deserializeCredentialRequestOptions = fail("WebAuthn");
export const serializeCredentialCreationResponse = fail("WebAuthn");
export const serializeCredentialRequestResponse = fail("WebAuthn");

export const createSiweMessage = fail("Web3 sign-in");
export const fromHex = fail("Web3 sign-in");
export const getAddress = fail("Web3 sign-in");
export const toHex = fail("Web3 sign-in");
