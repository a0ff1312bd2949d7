import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { getMailboxMessage } from '~/modules/email/mailbox.server';

export const loader = ({ params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => ({ message: await getMailboxMessage(params.messageId ?? '') }));

export default function DevMailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="message-heading">
      <h2 id="message-heading" className="mb-4 text-xl font-bold">
        {message.subject}
      </h2>
      <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 text-base">
        <dt className="font-bold">From</dt>
        <dd>{message.from}</dd>
        <dt className="font-bold">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-bold">Received</dt>
        <dd>{formatDateTime(message.receivedAt)}</dd>
      </dl>
      <h3 className="mb-2 text-lg font-bold">As HTML</h3>
      {/* No scripts and no access to this page's origin; links may open in a new tab so sign-in links can be followed. */}
      <iframe
        title={`The email “${message.subject}” as HTML`}
        srcDoc={message.html}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        className="mb-6 h-[36rem] w-full border border-line bg-white"
      />
      <h3 className="mb-2 text-lg font-bold">As plain text</h3>
      <pre className="whitespace-pre-wrap break-words border border-line bg-surface p-4 font-mono text-base">
        {message.text ?? 'This email has no plain-text part.'}
      </pre>
    </section>
  );
}
