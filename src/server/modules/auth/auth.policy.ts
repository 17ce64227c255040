/**
 * Who may call the sign-in routes: anyone may sign in; the rest needs a session. The three routes
 * an account with a temporary password may still use are marked `withTemporaryPassword` on the
 * route (app.ts refuses it everything else).
 *
 * Which account the provincial single sign-on may open: `canSignInWithOidc`. The provider vouches
 * for an e-mail address; chiso opens the one active account that has it, never an administrator's
 * (administrators use their password, so a compromised provider cannot yield an administrator).
 */
import type { Text } from '../../../core/types.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Access } from '../../platform/http.ts';
import type { Verdict } from '../../platform/policy.ts';
import type { OidcRefusal } from './auth.schema.ts';

export const authAccess = {
  signIn: 'public',
  signOut: 'signed-in',
  me: 'signed-in',
  session: 'public',
  changePassword: 'signed-in',
  oidcInfo: 'public',
  oidcStart: 'public',
  oidcCallback: 'public',
} as const satisfies Record<string, Access>;

/** What the sign-in screen says after a single sign-on that signed no one in. */
export const OIDC_REFUSAL_TEXTS: Record<OidcRefusal, Text> = {
  sso_off: {
    vi: 'Hệ thống chưa bật đăng nhập bằng tài khoản một cửa của tỉnh. Hãy đăng nhập bằng tên đăng nhập và mật khẩu.',
    en: 'Sign-in with the province’s single sign-on is not enabled here. Sign in with your user name and password.',
  },
  sso_unavailable: {
    vi: 'Không kết nối được hệ thống một cửa của tỉnh. Hãy thử lại sau ít phút hoặc đăng nhập bằng mật khẩu.',
    en: 'The province’s single sign-on cannot be reached. Try again in a few minutes or sign in with your password.',
  },
  sso_cancelled: {
    vi: 'Bạn đã hủy đăng nhập ở trang một cửa của tỉnh.',
    en: 'You cancelled the sign-in at the province’s single sign-on.',
  },
  sso_state: {
    vi: 'Lượt đăng nhập một cửa này không hợp lệ hoặc đã quá 10 phút. Hãy bấm lại nút đăng nhập một cửa.',
    en: 'This single sign-on attempt is not valid or took more than 10 minutes. Press the single sign-on button again.',
  },
  sso_failed: {
    vi: 'Không xác thực được với hệ thống một cửa của tỉnh. Hãy thử lại; nếu vẫn lỗi, hãy báo quản trị hệ thống.',
    en: 'The province’s single sign-on could not be verified. Try again; if it persists, tell the system administrator.',
  },
  sso_unverified: {
    vi: 'Tài khoản một cửa của bạn chưa có địa chỉ thư điện tử đã xác minh, nên chưa dùng được để đăng nhập. Hãy đăng nhập bằng tên đăng nhập và mật khẩu.',
    en: 'Your single sign-on account has no verified e-mail address, so it cannot sign you in. Sign in with your user name and password.',
  },
  sso_no_account: {
    vi: 'Địa chỉ thư điện tử của tài khoản một cửa không khớp với tài khoản nào đang hoạt động trong hệ thống. Hãy liên hệ quản trị hệ thống của Sở TT&TT.',
    en: 'The e-mail address of your single sign-on account matches no active account here. Ask the Department’s system administrator.',
  },
  sso_ambiguous: {
    vi: 'Địa chỉ thư điện tử của tài khoản một cửa gắn với nhiều tài khoản trong hệ thống. Hãy đăng nhập bằng tên đăng nhập và mật khẩu, hoặc nhờ quản trị hệ thống sửa lại.',
    en: 'The e-mail address of your single sign-on account belongs to several accounts here. Sign in with your user name and password, or ask the administrator to fix it.',
  },
  sso_admin: {
    vi: 'Tài khoản quản trị không đăng nhập bằng tài khoản một cửa. Hãy dùng tên đăng nhập và mật khẩu.',
    en: 'Administrator accounts do not sign in through single sign-on. Use your user name and password.',
  },
};

/** A refusal of the single sign-on, as an error the callback turns into a return to the sign-in screen. */
export const oidcRefusal = (code: OidcRefusal): AppError =>
  new AppError(code === 'sso_off' ? 404 : 403, code, OIDC_REFUSAL_TEXTS[code]);

/** An account as the single sign-on sees it. */
export interface OidcCandidate {
  readonly role: Role;
  readonly active: boolean;
}

/**
 * May the provider's person open an account: the e-mail must be verified by the provider, and
 * exactly one active account may have it, not an administrator's.
 */
export function canSignInWithOidc(
  email: { readonly address: string | null; readonly verified: boolean },
  accounts: readonly OidcCandidate[],
): Verdict {
  if (!email.address || !email.verified) return oidcRefusal('sso_unverified');
  const active = accounts.filter((a) => a.active);
  if (active.length === 0) return oidcRefusal('sso_no_account');
  if (active.some((a) => a.role === 'admin')) return oidcRefusal('sso_admin');
  if (active.length > 1) return oidcRefusal('sso_ambiguous');
  return true;
}
