import { describe, expect, it } from 'vitest';
import { vnInstant, websiteCheckValues } from './websiteCheck.ts';

const fields = [
  { key: 'web_uptime', type: 'decimal' },
  { key: 'web_services', type: 'integer' },
  { key: 'web_https', type: 'boolean' },
  { key: 'web_level', type: 'enum' },
];

describe('the values of a manual website check', () => {
  it('sends only the fields filled in, each as its type', () => {
    expect(
      websiteCheckValues(fields, {
        web_uptime: '99,5',
        web_https: 'false',
        web_level: 'full',
        web_services: '',
      }),
    ).toEqual({ web_uptime: 99.5, web_https: false, web_level: 'full' });
  });

  it('reads "12.5" as twelve and a half and "1.234" as a thousand and more, as the other forms do', () => {
    expect(websiteCheckValues(fields, { web_uptime: '12.5', web_services: '1.234' })).toEqual({
      web_uptime: 12.5,
      web_services: 1234,
    });
  });

  it('sends text that is not a number as typed, for the server to name the item', () => {
    expect(websiteCheckValues(fields, { web_services: 'nhiều' })).toEqual({ web_services: 'nhiều' });
  });
});

describe('the moment of the check', () => {
  it('is the typed date and time in Vietnam time, or nothing', () => {
    expect(vnInstant('2017-09-15T09:30')).toBe('2017-09-15T09:30:00+07:00');
    expect(vnInstant('')).toBe('');
  });
});
