/**
 * The provider as openid-client knows it: its metadata and keys, discovered once per process from
 * the issuer (`/.well-known/openid-configuration`) and kept; a failed discovery is tried again on
 * the next sign-in, so a provider that was down when the server started is picked up later.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../platform/config.ts';

const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** Seconds to wait for the provider on each request (discovery, token, userinfo). */
const TIMEOUT_SECONDS = 10;

export function oidcClient(oidc: OidcConfig): Promise<client.Configuration> {
  let found = discovered.get(oidc);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    found = client.discovery(
      issuer,
      oidc.clientId,
      oidc.clientSecret,
      // The method OpenID Connect assumes when a client's registration names none.
      client.ClientSecretBasic(oidc.clientSecret),
      {
        timeout: TIMEOUT_SECONDS,
        // config.ts allows http:// only for a provider on this machine (tests, trials).
        execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      },
    );
    found.catch(() => discovered.delete(oidc));
    discovered.set(oidc, found);
  }
  return found;
}

/** The address the provider sends the browser back to; the provider must list it for the client. */
export function callbackUrl(publicUrl: string | undefined, requestOrigin: string): string {
  return `${publicUrl ? new URL(publicUrl).origin : requestOrigin}/api/v1/auth/oidc/callback`;
}
