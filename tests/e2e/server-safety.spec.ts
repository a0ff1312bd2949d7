import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

test.describe('the production server', () => {
  test('sends the security headers on every page', async ({ request }) => {
    const response = await request.get('/login');
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
  });

  test('refuses a form post without a matching Origin, and says what to do', async ({ request, baseURL }) => {
    const form = { email: 'hub.officer@ffem.example', password: 'FosterDemo2026!' };
    const missing = await request.post('/login', { form, headers: { origin: '' }, maxRedirects: 0 });
    expect(missing.status()).toBe(403);
    expect(await missing.text()).toContain('This form could not be sent');
    const foreign = await request.post('/login', { form, headers: { origin: 'https://evil.example' }, maxRedirects: 0 });
    expect(foreign.status()).toBe(403);
    const same = await request.post('/login', { form, headers: { origin: baseURL ?? '' }, maxRedirects: 0 });
    expect(same.status()).toBe(302);
  });

  test('answers /healthz with the database status', async ({ request }) => {
    const response = await request.get('/healthz');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('refuses to start in production without a session secret', () => {
    const result = spawnSync('node', ['server.js'], {
      env: { ...process.env, APP_ENV: 'production', SESSION_SECRET: '', RESEND_API_KEY: 're_test', PORT: '3199' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('SESSION_SECRET');
  });
});
