import { describe, expect, it } from 'vitest';
import { safeRedirectTo } from '~/modules/auth/access.server';

describe('safeRedirectTo', () => {
  it.each([
    ['/hub/households?stage=enquiry', '/hub/households?stage=enquiry'],
    ['/apply', '/apply'],
    ['/', '/'],
  ])('keeps the same-site path %s', (value, expected) => {
    expect(safeRedirectTo(value, '/fallback')).toBe(expected);
  });

  it.each([
    ['//evil.example/path'],
    ['/\\evil.example'],
    ['https://evil.example'],
    ['javascript:alert(1)'],
    ['hub'],
    ['/\t/evil.example'],
    ['/\r\nSet-Cookie:x'],
    [''],
  ])('refuses %j and uses the fallback', (value) => {
    expect(safeRedirectTo(value, '/fallback')).toBe('/fallback');
  });

  it('uses the fallback when there is no value', () => {
    expect(safeRedirectTo(null, '/council')).toBe('/council');
    expect(safeRedirectTo(undefined, '/council')).toBe('/council');
  });
});
