/**
 * A monitored site's address as the administrator types it, made canonical, and the scope the
 * monitor stays inside. A portal may be a host of its own or a sub-site of the provincial portal
 * (https://caobang.gov.vn/web/stttt/), on any port: the scope is the address up to its last "/",
 * and an address whose last part names a folder ("…/web/stttt") is read as that folder, so that
 * "/web/stttt-cu/" of another unit is never inside it.
 */
import type { Text } from '../../../core/types.ts';

/**
 * The canonical address, or why it cannot be monitored. A site's address whose last part has no
 * extension is a folder (`asFolder`); a page's (a pin) is kept as it is.
 */
export function canonicalSiteUrl(input: string, asFolder = true): { url: string } | { problem: Text } {
  const text = input.normalize('NFC').trim();
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return {
      problem: {
        vi: `"${text}" không phải địa chỉ trang web (ví dụ https://stttt.caobang.gov.vn)`,
        en: `"${text}" is not a web address (e.g. https://stttt.caobang.gov.vn)`,
      },
    };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return {
      problem: {
        vi: 'Địa chỉ trang TTĐT phải bắt đầu bằng http:// hoặc https://',
        en: 'A portal address starts with http:// or https://',
      },
    };
  if (u.username || u.password)
    return {
      problem: {
        vi: 'Địa chỉ trang TTĐT không được chứa tên đăng nhập hay mật khẩu',
        en: 'A portal address cannot hold a user name or password',
      },
    };
  if (!u.hostname.includes('.') && u.hostname !== 'localhost' && !u.hostname.startsWith('['))
    return {
      problem: {
        vi: `"${u.hostname}" không phải tên miền đầy đủ (ví dụ stttt.caobang.gov.vn)`,
        en: `"${u.hostname}" is not a full domain name (e.g. stttt.caobang.gov.vn)`,
      },
    };
  u.hash = '';
  const last = u.pathname.split('/').pop() ?? '';
  if (asFolder && last !== '' && !last.includes('.') && !u.search) u.pathname = `${u.pathname}/`;
  return { url: u.toString() };
}

/** The prefix of every address the monitor may visit for a site. */
export function siteScope(url: string): string {
  const u = new URL(url);
  const path = u.pathname.slice(0, u.pathname.lastIndexOf('/') + 1) || '/';
  return `${u.origin}${path}`;
}
