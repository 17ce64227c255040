/**
 * Finishing a sign-in through the provincial single sign-on, when the provider sends the browser
 * back: the attempt must be one this browser started here, not used before and not expired; the
 * provider's answer must verify (openid-client: state, `iss`, the code exchanged with the PKCE
 * verifier, the ID token's signature, audience, times and nonce); then the person is mapped by the
 * e-mail the provider has verified to one existing, active account that is not an administrator's
 * (auth.policy.ts), and a session starts exactly as with a password. No account is ever created.
 *
 * Every way this ends without a session is a refusal code (auth.schema.ts) that the route turns
 * into a return to the sign-in screen; each is audited as `auth.login_failed`.
 */
import { timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { Actor } from '../../platform/audit.ts';
import { audit } from '../../platform/audit.ts';
import { createSession, tokenHash as sha256 } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/http.ts';
import { canSignInWithOidc } from './auth.policy.ts';
import * as repo from './auth.repo.ts';
import type { Me, OidcCallbackQuery, OidcRefusal } from './auth.schema.ts';
import { oidcClient } from './oidc-client.ts';
import { meOf } from './sign-in.ts';

export type OidcOutcome =
  | { signedIn: true; session: { token: string; expiresAt: Date }; user: Me; returnTo: string }
  | { signedIn: false; refusal: OidcRefusal; returnTo: string };

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The provider could not be reached or did not answer in time (not a wrong answer). */
const unreachable = (e: unknown) =>
  e instanceof Error &&
  (e.name === 'TimeoutError' || e.name === 'AbortError' || e.message === 'fetch failed');

/** What the audit row keeps of an error: its code and messages (openid-client wraps the precise one), never a token. */
function detailOf(e: unknown): string {
  if (!(e instanceof Error)) return 'error';
  const code = (e as { code?: unknown }).code;
  const why = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${typeof code === 'string' ? code : e.name}: ${e.message}${why}`.slice(0, 300);
}

export async function finishOidcSignIn(
  deps: AppDeps,
  actor: Actor,
  input: { query: OidcCallbackQuery; browserKey: string | undefined; userAgent?: string | undefined },
): Promise<OidcOutcome> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const oidc = deps.config.oidc;
  let returnTo = '/';
  let accountId: string | null = null;
  let email: string | null = null;

  const refuse = async (refusal: OidcRefusal, detail?: string): Promise<OidcOutcome> => {
    await audit(db, { ...actor, user: null }, now, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: accountId,
      newValue: { method: 'oidc', reason: refusal, ...(email && { email }), ...(detail && { detail }) },
    });
    return { signedIn: false, refusal, returnTo };
  };

  if (!oidc) return { signedIn: false, refusal: 'sso_off', returnTo };
  const { state } = input.query;
  if (!state) return refuse('sso_state', 'no state');
  // Taken out whatever happens next: a state is good for one answer of the provider.
  const pending = await repo.takePendingLogin(db, sha256(state));
  if (!pending) return refuse('sso_state', 'unknown or used state');
  returnTo = pending.returnTo;
  if (pending.expiresAt <= now) return refuse('sso_state', 'expired');
  // Started in another browser (a link someone sent): signing this one in would be login CSRF.
  if (!input.browserKey || !sameHash(sha256(input.browserKey), pending.browserHash))
    return refuse('sso_state', 'another browser');
  if (input.query.error)
    return refuse(
      input.query.error === 'access_denied' ? 'sso_cancelled' : 'sso_failed',
      `${input.query.error}: ${input.query.error_description ?? ''}`.slice(0, 300),
    );

  let provider: client.Configuration;
  try {
    provider = await oidcClient(oidc);
  } catch (e) {
    return refuse('sso_unavailable', detailOf(e));
  }
  let address: unknown;
  let verified: unknown;
  let subject: string;
  try {
    // The answer as the provider addressed it: the redirect_uri sent at the start, with its query.
    const answer = new URL(pending.redirectUri);
    for (const [k, v] of Object.entries(input.query))
      if (typeof v === 'string') answer.searchParams.set(k, v);
    const tokens = await client.authorizationCodeGrant(provider, answer, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) return refuse('sso_failed', 'no ID token');
    subject = claims.sub;
    ({ email: address, email_verified: verified } = claims);
    // Many providers put the e-mail only in the UserInfo answer (for the same subject).
    if (address === undefined && provider.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(provider, tokens.access_token, claims.sub);
      ({ email: address, email_verified: verified } = info);
    }
  } catch (e) {
    return refuse(unreachable(e) ? 'sso_unavailable' : 'sso_failed', detailOf(e));
  }

  email = typeof address === 'string' ? address.normalize('NFC').trim().toLowerCase() || null : null;
  const accounts = email ? await repo.accountsByEmail(db, email) : [];
  const active = accounts.filter((a) => a.active);
  accountId = (active.length === 1 ? active[0]?.id : accounts[0]?.id) ?? null;
  // One rule decides (auth.policy.ts); its refusal is a return to the sign-in screen, not an error page.
  const verdict = canSignInWithOidc({ address: email, verified: verified === true }, accounts);
  if (verdict !== true) return refuse(verdict.code as OidcRefusal);
  const account = active[0]!;

  const session = await createSession(db, account.id, now, deps.config.sessionHours, {
    ip: actor.ip,
    userAgent: input.userAgent,
  });
  await audit(db, { ...actor, user: null }, now, {
    action: 'auth.login',
    entityType: 'user',
    entityId: account.id,
    newValue: { method: 'oidc', issuer: oidc.issuer, subject },
  });
  return { signedIn: true, session, user: meOf(account), returnTo };
}
