/** The contract of signing in and out, who am I, and changing one's password. */
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { TextSchema } from '../../platform/schema.ts';

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agencyId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const SignInBody = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const SignedIn = z.object({ user: Me });
/** Who is signed in, if anyone: a visitor's browser asks without an error (null, not a 401). */
export const SessionState = z.object({ user: Me.nullable() });
export type SignedIn = z.infer<typeof SignedIn>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/* Single sign-on through the province's OpenID Connect provider (when configured). */

/** The sign-in screen passes on the refusal code its address carries (OIDC_REFUSAL_PARAM), if any. */
export const OidcInfoQuery = z.object({ refusal: z.string().max(50).optional() });

/** What the sign-in screen needs to know: whether to show the button, its text, why the last try failed. */
export const OidcInfo = z.object({
  enabled: z.boolean(),
  /** The button's text (absent when the feature is off); `en` only for the default text. */
  label: TextSchema.optional(),
  /** The message for a known refusal code given in the query; absent otherwise. */
  refusal: TextSchema.optional(),
});
export type OidcInfo = z.infer<typeof OidcInfo>;

/** Where to come back to after signing in: a page of this site (anything else means the home page). */
export const OidcStartQuery = z.object({ next: z.string().max(2000).optional() });

/** The provider's answer (RFC 6749 §4.1.2, RFC 9207): everything optional, the use case checks. */
export const OidcCallbackQuery = z.looseObject({
  code: z.string().max(4000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(500).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
});
export type OidcCallbackQuery = z.infer<typeof OidcCallbackQuery>;

/**
 * Why a single sign-on did not sign anyone in. The callback sends the browser back to the sign-in
 * screen with the code in the address (`?loi-dang-nhap=…`, OIDC_REFUSAL_PARAM), never a message:
 * the screen asks GET /auth/oidc?refusal=… for the text, so a link made by someone else can show
 * only one of these messages (auth.policy.ts), and no personal data travels in the address.
 */
export const OIDC_REFUSALS = [
  /** The feature is not configured on this server. */
  'sso_off',
  /** The provider could not be reached (discovery, network). */
  'sso_unavailable',
  /** The person cancelled at the provider (error=access_denied). */
  'sso_cancelled',
  /** Unknown, used, expired state, or another browser's: start again. */
  'sso_state',
  /** The provider answered with an error, or its answer did not verify (token, nonce, signature). */
  'sso_failed',
  /** No e-mail, or an e-mail the provider has not verified. */
  'sso_unverified',
  /** No active account has this e-mail. */
  'sso_no_account',
  /** Several accounts have this e-mail: which one is meant cannot be told. */
  'sso_ambiguous',
  /** The account is an administrator's: administrators sign in with their password. */
  'sso_admin',
] as const;
export const OidcRefusal = z.enum(OIDC_REFUSALS);
export type OidcRefusal = z.infer<typeof OidcRefusal>;
export const OIDC_REFUSAL_PARAM = 'loi-dang-nhap';
