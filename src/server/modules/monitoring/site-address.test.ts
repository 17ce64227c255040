import { describe, expect, it } from 'vitest';
import { canonicalSiteUrl, siteScope } from './site-address.ts';

const url = (s: string) => {
  const r = canonicalSiteUrl(s);
  return 'url' in r ? r.url : `✗ ${r.problem.vi}`;
};

describe('a monitored address', () => {
  it.each([
    ['https://stttt.caobang.gov.vn', 'https://stttt.caobang.gov.vn/'],
    ['stttt.caobang.gov.vn', 'https://stttt.caobang.gov.vn/'],
    ['  HTTPS://STTTT.CaoBang.gov.vn/#tin-tuc ', 'https://stttt.caobang.gov.vn/'],
    ['https://caobang.gov.vn/web/stttt', 'https://caobang.gov.vn/web/stttt/'],
    ['https://caobang.gov.vn/web/stttt/', 'https://caobang.gov.vn/web/stttt/'],
    ['http://127.0.0.1:8443/web/so-y-te', 'http://127.0.0.1:8443/web/so-y-te/'],
    ['https://dvc.caobang.gov.vn/index.php', 'https://dvc.caobang.gov.vn/index.php'],
  ])('%s is kept as %s', (input, expected) => {
    expect(url(input)).toBe(expected);
  });

  it.each([
    ['ftp://stttt.caobang.gov.vn', /http:\/\/ hoặc https:\/\//],
    ['https://quantri:matkhau@stttt.caobang.gov.vn', /tên đăng nhập hay mật khẩu/],
    ['trang web của sở', /không phải (địa chỉ trang web|tên miền đầy đủ)/],
    ['https://intranet', /không phải tên miền đầy đủ/],
  ])('%s is refused in Vietnamese', (input, message) => {
    expect(url(input)).toMatch(message);
  });
});

describe('the scope the monitor stays inside', () => {
  it.each([
    ['https://stttt.caobang.gov.vn/', 'https://stttt.caobang.gov.vn/'],
    ['https://caobang.gov.vn/web/stttt/', 'https://caobang.gov.vn/web/stttt/'],
    ['http://127.0.0.1:8443/web/so-y-te/', 'http://127.0.0.1:8443/web/so-y-te/'],
    ['https://dvc.caobang.gov.vn/portal/index.php', 'https://dvc.caobang.gov.vn/portal/'],
  ])('of %s is %s', (site, scope) => {
    expect(siteScope(site)).toBe(scope);
  });

  it('keeps a sub-site apart from its neighbour with a longer name', () => {
    const scope = siteScope(url('https://caobang.gov.vn/web/stttt'));
    expect('https://caobang.gov.vn/web/stttt-cu/tin-tuc'.startsWith(scope)).toBe(false);
    expect('https://caobang.gov.vn/web/stttt/tin-tuc'.startsWith(scope)).toBe(true);
  });
});
