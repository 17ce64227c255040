/**
 * Starting a sign-in through the provincial single sign-on: the authorization code flow with PKCE,
 * `state` and `nonce`. What the callback will check is kept in the database (oidc_logins), not in
 * this process, so that whichever server the provider sends the browser back to can finish it, and
 * only once; the browser gets a random key in an HttpOnly cookie that binds the attempt to it.
 */
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { tokenHash as sha256 } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/http.ts';
import * as repo from './auth.repo.ts';
import type { OidcRefusal } from './auth.schema.ts';
import { callbackUrl, oidcClient } from './oidc-client.ts';

/** How long the person has at the provider before the attempt is forgotten. */
export const PENDING_MINUTES = 10;

/**
 * A page of this site to come back to, or the home page: a path, never another site (`//host`,
 * `/\host`), never the API.
 */
export function safeReturnPath(next: string | undefined): string {
  if (!next || next.length > 500 || !/^\/(?![/\\])[\x21-\x7e]*$/.test(next)) return '/';
  return next.startsWith('/api/') ? '/' : next;
}

export type OidcStart =
  | { started: true; authorizationUrl: string; browserKey: string; maxAgeSeconds: number }
  | { started: false; refusal: OidcRefusal; returnTo: string };

export async function startOidcSignIn(
  deps: AppDeps,
  input: { next?: string | undefined; requestOrigin: string },
): Promise<OidcStart> {
  const oidc = deps.config.oidc;
  const returnTo = safeReturnPath(input.next);
  if (!oidc) return { started: false, refusal: 'sso_off', returnTo };
  let provider: client.Configuration;
  try {
    provider = await oidcClient(oidc);
  } catch {
    return { started: false, refusal: 'sso_unavailable', returnTo };
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const browserKey = randomBytes(32).toString('base64url');
  const redirectUri = callbackUrl(deps.config.publicUrl, input.requestOrigin);
  const now = deps.clock.now();
  const db = deps.database.db;
  await repo.sweepPendingLogins(db, now);
  await repo.savePendingLogin(db, {
    stateHash: sha256(state),
    browserHash: sha256(browserKey),
    nonce,
    codeVerifier,
    redirectUri,
    returnTo,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(provider, {
    redirect_uri: redirectUri,
    scope: oidc.scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { started: true, authorizationUrl: url.href, browserKey, maxAgeSeconds: PENDING_MINUTES * 60 };
}
