import { describe, expect, test } from 'vitest';
import { parseEnv } from '~/lib/env.server';

describe('configuration from the environment', () => {
  test('development works with no settings at all', () => {
    const env = parseEnv({});
    expect(env.APP_ENV).toBe('development');
    expect(env.DATABASE_URL).toBe('file:./data/dev.db');
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  test('production refuses to start without a session secret or a Resend key, naming each', () => {
    expect(() => parseEnv({ APP_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/);
    expect(() => parseEnv({ APP_ENV: 'production' })).toThrow(/RESEND_API_KEY is required in production/);
    expect(() =>
      parseEnv({ APP_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), RESEND_API_KEY: 're_live_key' }),
    ).not.toThrow();
  });

  test('a short secret, a database path not in the file: form and a bad URL are refused clearly', () => {
    expect(() => parseEnv({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
    expect(() => parseEnv({ DATABASE_URL: 'postgres://localhost/ffem' })).toThrow(/DATABASE_URL must use Prisma's file: form/);
    expect(() => parseEnv({ BASE_URL: 'not a url' })).toThrow(/BASE_URL must be a full URL/);
  });
});
