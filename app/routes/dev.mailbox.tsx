import type { MetaFunction } from '@remix-run/node';
import { Link, Outlet, useLoaderData } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { listMailboxMessages } from '~/modules/email/mailbox.server';

// Development only: no sign-in, and the module answers 404 in production or when real email is configured.
export const meta: MetaFunction = () => [{ title: 'Development mailbox – Foster for East Midlands' }];

export const loader = () => handleDomainErrors(async () => ({ messages: await listMailboxMessages() }));

export default function DevMailbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <PageHeading caption="Development only">Mailbox</PageHeading>
      <p className="mb-6">Emails the app sent to the local fake Resend server, newest first. Nothing here left this machine.</p>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <section aria-labelledby="messages-heading">
          <h2 id="messages-heading" className="mb-4 text-xl font-bold">
            Messages ({messages.length})
          </h2>
          {messages.length === 0 ? (
            <p>No emails yet.</p>
          ) : (
            <ul className="border-t border-line">
              {messages.map((message) => (
                <li key={message.id} className="border-b border-line py-3">
                  <Link to={message.id} className="font-bold">
                    {message.subject}
                  </Link>
                  <p className="text-base">To {message.to}</p>
                  <p className="text-base text-muted">{formatDateTime(message.receivedAt)}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Outlet />
      </div>
    </main>
  );
}
