import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList } from '~/components/govuk/SummaryList';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { getCheckAnswers, submitApplication } from '~/modules/applications/applications.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Check your answers before sending your application – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    const application = await getCheckAnswers(viewer);
    if (application.status === 'submitted') throw redirect('/apply/application/submitted');
    if (!application.editable || !application.allComplete) throw redirect('/apply/application');
    return application;
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    await submitApplication(viewer, { requestId: requestId(request) });
    return redirect('/apply/application/submitted');
  });

export default function CheckAnswers() {
  const application = useLoaderData<typeof loader>();
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="max-w-3xl">
      <BackLink to="/apply/application">Back to your application form</BackLink>
      <PageHeading caption={`Reference ${application.reference}`}>Check your answers before sending your application</PageHeading>
      {application.sections.map((section) => (
        <section key={section.id} aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`} className="mb-4 text-2xl font-bold">
            {section.title}
          </h2>
          <SummaryList
            rows={section.rows.map((row) => ({
              key: row.label,
              value: <span className="whitespace-pre-line break-words">{row.value}</span>,
              action: { to: `/apply/application/${section.id}#${row.name}`, label: 'Change', visuallyHiddenText: row.label.toLowerCase() },
            }))}
          />
        </section>
      ))}
      <h2 className="mb-4 text-2xl font-bold">Now send your application</h2>
      <p className="mb-8">
        By sending this application you confirm that, to the best of your knowledge, the details you are providing are
        correct. Once sent, it cannot be changed online.
      </p>
      <Form method="post">
        <Button pending={submitting} pendingText="Sending your application…">Accept and send</Button>
      </Form>
    </div>
  );
}
