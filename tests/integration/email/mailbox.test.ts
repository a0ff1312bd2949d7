import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotFound } from '~/lib/errors';
import { getMailboxMessage, listMailboxMessages } from '~/modules/email/mailbox.server';
import { getResendClient } from '~/modules/email/resend-client.server';

const FROM = 'Foster for East Midlands <no-reply@fosterforeastmidlands.test>';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('the development mailbox', () => {
  it('lists what the local fake received, newest first, and shows one message in full', async () => {
    // Without RESEND_API_KEY the default client is the real SDK aimed at the in-process fake.
    const resend = await getResendClient();
    const first = await resend.emails.send({ from: FROM, to: 'first@example.com', subject: 'First', html: '<p>One</p>', text: 'One' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await resend.emails.send({ from: FROM, to: 'second@example.com', subject: 'Second', html: '<p>Two</p>', text: 'Two' });

    const messages = await listMailboxMessages();
    expect(messages.map((message) => [message.subject, message.to])).toEqual([
      ['Second', 'second@example.com'],
      ['First', 'first@example.com'],
    ]);
    expect(messages.map((message) => message.id)).toEqual([second.data?.id, first.data?.id]);

    const shown = await getMailboxMessage(messages[1].id);
    expect(shown).toMatchObject({ subject: 'First', to: 'first@example.com', from: FROM, html: '<p>One</p>', text: 'One' });
    await expect(getMailboxMessage('no-such-message')).rejects.toThrow(NotFound);
  });

  it('does not exist when real email is configured, as in production', async () => {
    vi.stubEnv('APP_ENV', 'production');
    vi.stubEnv('RESEND_API_KEY', 're_a_real_looking_key');
    vi.resetModules();
    const mailbox = await import('~/modules/email/mailbox.server');
    const resendClient = await import('~/modules/email/resend-client.server');

    expect(resendClient.getLocalResendServer()).toBeNull();
    await expect(mailbox.listMailboxMessages()).rejects.toMatchObject({ name: 'NotFound' });
    await expect(mailbox.getMailboxMessage('any')).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('does not exist outside production either once a real key is set', async () => {
    vi.stubEnv('APP_ENV', 'development');
    vi.stubEnv('RESEND_API_KEY', 're_a_real_looking_key');
    vi.resetModules();
    const mailbox = await import('~/modules/email/mailbox.server');
    await expect(mailbox.listMailboxMessages()).rejects.toMatchObject({ name: 'NotFound' });
  });
});
