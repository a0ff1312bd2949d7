import { NotFound } from '~/lib/errors';
import { getLocalResendServer } from '~/modules/email/resend-client.server';

// The development mailbox: what the local fake Resend server received. It only exists while email goes to the
// fake, that is outside production and without a real RESEND_API_KEY; anywhere else it answers 404, as if the
// page were not there at all.

async function receivedMessages() {
  const localServer = getLocalResendServer();
  if (!localServer) throw new NotFound('Page not found');
  return (await localServer).messages();
}

export async function listMailboxMessages() {
  const messages = await receivedMessages();
  return messages
    .map(({ id, to, subject, receivedAt }) => ({ id, to: to.join(', '), subject, receivedAt }))
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id));
}

export async function getMailboxMessage(id: string) {
  const message = (await receivedMessages()).find((candidate) => candidate.id === id);
  if (!message) throw new NotFound('There is no message with that id in the mailbox.');
  return {
    id: message.id,
    from: message.from,
    to: message.to.join(', '),
    subject: message.subject,
    receivedAt: message.receivedAt,
    html: message.html,
    text: message.text,
  };
}
