/**
 * Stand-ins for parts of @supabase/auth-js that GoTrueClient builds or imports but the admin
 * never uses: the service-role admin API (`auth.admin`, server-side only), passkeys/WebAuthn
 * and Web3 wallet sign-in. The admin signs in with email and password. `vite.config.ts` resolves
 * auth-js's own `./GoTrueAdminApi`, `./lib/webauthn` and `./lib/web3/ethereum` here, for the
 * admin build only (≈ 8 KB gzip off the sign-in page). Using any of them fails loudly.
 */
const unavailable = (what: string) => new Error(`${what} is not bundled in the admin (see src/lib/auth-js-unused.ts)`);
const fail = (what: string) => (): never => {
  throw unavailable(what);
};

/** `new GoTrueAdminApi(...)` in GoTrueClient's constructor: every method refuses. */
export default class GoTrueAdminApi {
  constructor(_settings?: unknown) {
    return new Proxy(this, { get: (target, key) => (key in target ? target[key as keyof typeof target] : fail(`auth.admin.${String(key)}`)) });
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
