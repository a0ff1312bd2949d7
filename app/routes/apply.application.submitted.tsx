import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList } from '~/components/govuk/SummaryList';
import { NotFound } from '~/lib/errors';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { getCheckAnswers } from '~/modules/applications/applications.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Your submitted application – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    const application = await getCheckAnswers(viewer);
    if (application.status !== 'submitted' || !application.submittedAt) throw new NotFound('You have not sent your application yet.');
    return { ...application, submittedAtText: formatDateTime(application.submittedAt) };
  });

export default function SubmittedApplication() {
  const application = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      <NotificationBanner variant="success" title="Application sent">
        We received your application on {application.submittedAtText}.
      </NotificationBanner>
      <PageHeading caption={`Reference ${application.reference}`}>Your application</PageHeading>
      <p className="mb-4 inline-block border-4 border-success px-3 py-1 font-bold uppercase text-success">
        Submitted {application.submittedAtText}: read only
      </p>
      <p className="mb-8">
        This is a copy of what you sent. It cannot be changed online; if something is wrong, tell your worker.{' '}
        <Link to="/apply">See where your application is up to</Link>.
      </p>
      {application.sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`} className="mb-4 text-2xl font-bold">
            {section.title}
          </h2>
          <SummaryList rows={section.rows.map((row) => ({ key: row.label, value: <span className="whitespace-pre-line break-words">{row.value}</span> }))} />
        </section>
      ))}
    </div>
  );
}
