import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Table } from '~/components/govuk/Table';
import { TextInput } from '~/components/govuk/TextInput';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { listAuditEvents } from '~/modules/audit/audit-log.server';
import { requireViewer } from '~/modules/auth/access.server';
import { auditFilterSchema } from '~/modules/auth/schemas';

// Read-only by design: there is no form here that changes an audit row, and no module function that could.
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && Object.keys(data.fieldErrors).length > 0 ? 'Error: ' : ''}Audit log – Administration – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const url = new URL(request.url);
    const values = Object.fromEntries(url.searchParams);
    const parsed = auditFilterSchema.safeParse(values);
    const fieldErrors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
    const { events, nextCursor } = parsed.success ? await listAuditEvents(viewer, parsed.data) : { events: [], nextCursor: null };
    const pageHref = (cursor: string | null) => {
      const params = new URLSearchParams(url.searchParams);
      if (cursor) params.set('cursor', cursor);
      else params.delete('cursor');
      return `?${params}`;
    };
    return { values, fieldErrors, events, nextHref: nextCursor ? pageHref(nextCursor) : null, firstPageHref: values.cursor ? pageHref(null) : null };
  });

export default function AuditLog() {
  const { values, fieldErrors, events, nextHref, firstPageHref } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = fieldErrors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading>Audit log</PageHeading>
      <p className="mb-4">Every sign-in, change and sensitive read, newest first. Nobody can edit or delete these records.</p>
      <Form method="get" className="mb-4 grid gap-x-6 md:grid-cols-3">
        <TextInput name="action" label="Action starts with" hint="For example auth. or user.invite" defaultValue={values.action} error={errors.action} />
        <TextInput name="actorId" label="Done by (user id)" defaultValue={values.actorId} error={errors.actorId} />
        <TextInput name="entity" label="Record type" hint="For example User or Household" defaultValue={values.entity} error={errors.entity} />
        <TextInput name="entityId" label="Record id" defaultValue={values.entityId} error={errors.entityId} />
        <TextInput name="from" label="From" hint="For example 2026-04-07" width="10" defaultValue={values.from} error={errors.from} />
        <TextInput name="to" label="To" hint="Includes the whole day" width="10" defaultValue={values.to} error={errors.to} />
        <div><Button variant="secondary">Filter</Button></div>
      </Form>
      <Table
        caption="Audit events"
        captionIsVisuallyHidden
        columns={[{ header: 'When' }, { header: 'Action' }, { header: 'Done by' }, { header: 'Record' }, { header: 'Details' }]}
        rows={events.map((event) => ({
          id: event.id,
          cells: [
            formatDateTime(event.at),
            <code key="action">{event.action}</code>,
            event.actorId ? <Link key="actor" to={`?${new URLSearchParams({ actorId: event.actorId })}`}>{event.actorName ?? event.actorId}{event.actorRoleLabel ? ` (${event.actorRoleLabel})` : ''}</Link> : 'Not signed in',
            event.entity ? <Link key="entity" to={`?${new URLSearchParams({ entity: event.entity, entityId: event.entityId ?? '' })}`}>{event.entity} {event.entityId}</Link> : '—',
            <div key="details">
              {event.summary ? <p>{event.summary}</p> : null}
              {event.beforeJson ? <p className="text-base text-muted">Before: <code>{event.beforeJson}</code></p> : null}
              {event.afterJson ? <p className="text-base text-muted">After: <code>{event.afterJson}</code></p> : null}
            </div>,
          ],
        }))}
      />
      {events.length === 0 ? <p className="mb-8">No audit events match these filters.</p> : null}
      <Pagination nextHref={nextHref} />
      {firstPageHref ? <p className="mb-8"><Link to={firstPageHref}>Back to the newest events</Link></p> : null}
    </>
  );
}
