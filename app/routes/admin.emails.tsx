import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { z } from 'zod';
import { Button } from '~/components/govuk/Button';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { Tag, type TagColour } from '~/components/govuk/Tag';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getOutboxCounts, isOutboxStatus, listOutbox, OUTBOX_STATUSES, retryEmail } from '~/modules/email/outbox.server';

export const meta: MetaFunction = () => [{ title: 'Emails – Administration – Foster for East Midlands' }];

const PAGE_SIZE = 50;
const STATUS_LABELS: Record<string, { label: string; colour: TagColour }> = {
  pending: { label: 'Pending', colour: 'blue' },
  sending: { label: 'Sending', colour: 'yellow' },
  sent: { label: 'Sent', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
};

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    await requireViewer(request, { area: 'admin' });
    const url = new URL(request.url);
    const requested = url.searchParams.get('status') ?? '';
    const status = isOutboxStatus(requested) ? requested : undefined;
    const cursor = url.searchParams.get('cursor') || undefined;
    const [page, counts] = await Promise.all([listOutbox({ status, cursor, take: PAGE_SIZE }), getOutboxCounts()]);
    return { ...page, counts, status: status ?? '', isFirstPage: !cursor, statuses: OUTBOX_STATUSES };
  });

const retrySchema = z.object({ intent: z.literal('retry'), emailId: z.string().min(1) });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const form = parseForm(retrySchema, await request.formData());
    if (!form.ok) throw data({ message: 'Choose an email to retry.' }, { status: 400 });
    await retryEmail(viewer, form.data.emailId);
    return { retried: true };
  });

function pageHref(status: string, cursor?: string) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `?${query}` : '.';
}

export default function AdminEmails() {
  const { rows, nextCursor, counts, status, isFirstPage, statuses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const retrying = navigation.state === 'submitting' ? navigation.formData?.get('emailId') : null;

  return (
    <>
      <PageHeading caption="Administration">Emails</PageHeading>
      {actionData?.retried ? (
        <NotificationBanner variant="success" title="Success">
          The email will be sent again within a few seconds.
        </NotificationBanner>
      ) : null}
      <p className="mb-6">
        {statuses.map((name) => `${STATUS_LABELS[name].label}: ${counts[name]}`).join(' · ')}
      </p>
      <Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <Select
          name="status"
          label="Status"
          defaultValue={status}
          placeholder="All statuses"
          options={statuses.map((name) => ({ value: name, label: STATUS_LABELS[name].label }))}
        />
        <Button variant="secondary">Show emails</Button>
      </Form>
      {rows.length === 0 ? (
        <p className="mb-8">There are no emails to show.</p>
      ) : (
        <Table
          caption="Emails in the outbox, newest first"
          captionIsVisuallyHidden
          columns={[
            { header: 'Created' },
            { header: 'Template' },
            { header: 'To' },
            { header: 'Status' },
            { header: 'Attempts', numeric: true },
            { header: 'Last error' },
            { header: 'Sent' },
            { header: <span className="sr-only">Action</span> },
          ]}
          rows={rows.map((row) => ({
            id: row.id,
            cells: [
              formatDateTime(row.createdAt),
              row.template,
              row.to,
              <Tag key="status" colour={STATUS_LABELS[row.status]?.colour ?? 'grey'}>
                {STATUS_LABELS[row.status]?.label ?? row.status}
              </Tag>,
              row.attempts,
              row.lastError ? <span className="break-words text-base">{row.lastError}</span> : '',
              row.sentAt ? formatDateTime(row.sentAt) : '',
              row.status === 'failed' ? (
                <Form method="post" key="retry">
                  <input type="hidden" name="intent" value="retry" />
                  <input type="hidden" name="emailId" value={row.id} />
                  <Button variant="secondary" pending={retrying === row.id} pendingText="Retrying…">
                    Retry<span className="sr-only"> the email created {formatDateTime(row.createdAt)}</span>
                  </Button>
                </Form>
              ) : (
                ''
              ),
            ],
          }))}
        />
      )}
      {isFirstPage ? null : (
        <p className="mb-4">
          <Link to={pageHref(status)}>Back to the newest emails</Link>
        </p>
      )}
      <Pagination nextHref={nextCursor ? pageHref(status, nextCursor) : null} />
    </>
  );
}
