import { describe, expect, it } from 'vitest';
import { isForbiddenAddress } from './guard.ts';

describe('the address guard', () => {
  // [address, refused?, why]
  const table: [string, boolean, string][] = [
    ['127.0.0.1', true, 'loopback'],
    ['127.255.0.9', true, 'loopback /8'],
    ['10.20.30.40', true, 'private 10/8'],
    ['172.16.0.1', true, 'private 172.16/12 start'],
    ['172.31.255.255', true, 'private 172.16/12 end'],
    ['172.32.0.1', false, 'just past 172.16/12'],
    ['192.168.1.10', true, 'private 192.168/16'],
    ['100.64.0.1', true, 'carrier-grade NAT 100.64/10'],
    ['100.128.0.1', false, 'just past 100.64/10'],
    ['169.254.169.254', true, 'cloud metadata'],
    ['169.254.1.1', true, 'link-local'],
    ['0.0.0.0', true, 'unspecified'],
    ['224.0.0.251', true, 'multicast'],
    ['255.255.255.255', true, 'broadcast'],
    ['203.113.131.2', false, 'a public address in Vietnam'],
    ['8.8.8.8', false, 'public'],
    ['::1', true, 'IPv6 loopback'],
    ['::', true, 'IPv6 unspecified'],
    ['fe80::1', true, 'IPv6 link-local'],
    ['febf::1', true, 'IPv6 link-local end'],
    ['fc00::1', true, 'unique-local fc00::/7'],
    ['fdab:1234::1', true, 'unique-local fd'],
    ['ff02::1', true, 'IPv6 multicast'],
    ['::ffff:127.0.0.1', true, 'IPv4-mapped loopback, dotted'],
    ['::ffff:7f00:1', true, 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', true, 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', true, 'IPv4-mapped private'],
    ['::ffff:8.8.8.8', false, 'IPv4-mapped public'],
    ['64:ff9b::a00:1', true, 'NAT64 of 10.0.0.1'],
    ['2002:c0a8:0101::1', true, '6to4 of 192.168.1.1'],
    ['2001:4860:4860::8888', false, 'public IPv6'],
    ['[::1]', true, 'bracketed as in a URL'],
    ['localhost', true, 'not an address: never trusted'],
  ];
  it.each(table)('%s → refused %s (%s)', (ip, refused) => {
    expect(isForbiddenAddress(ip)).toBe(refused);
  });
});
