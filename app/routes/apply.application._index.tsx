import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { ButtonLink } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Tag } from '~/components/govuk/Tag';
import { handleDomainErrors } from '~/lib/http.server';
import { getApplicationForViewer, type SectionStatus } from '~/modules/applications/applications.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Your application form – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    return getApplicationForViewer(viewer);
  });

// GOV.UK task list: "Completed" is plain text, anything still to do is a tag.
function StatusOf({ id, status }: { id: string; status: SectionStatus }) {
  if (status === 'complete') return <span id={`${id}-status`}>Completed</span>;
  return (
    <span id={`${id}-status`}>
      <Tag colour={status === 'inProgress' ? 'yellow' : 'blue'}>{status === 'inProgress' ? 'In progress' : 'Not started'}</Tag>
    </span>
  );
}

export default function ApplicationTaskList() {
  const application = useLoaderData<typeof loader>();
  const completed = application.sections.filter((section) => section.status === 'complete').length;
  return (
    <div className="max-w-3xl">
      <BackLink to="/apply">Back to your progress</BackLink>
      <PageHeading caption={`Reference ${application.reference}`}>Your application form</PageHeading>
      {application.status === 'submitted' ? (
        <p className="mb-8">
          You have sent your application. <Link to="/apply/application/submitted">View the copy you sent</Link>.
        </p>
      ) : (
        <p className="mb-8">
          You have completed {completed} of {application.sections.length} sections. Your answers are saved each time you
          press a save button, so you can come back at any time.
        </p>
      )}
      <ul className="mb-8 border-t border-line">
        {application.sections.map((section) => (
          <li key={section.id} className="flex flex-wrap items-center justify-between gap-2 border-b border-line py-3">
            {application.editable ? (
              <Link to={`/apply/application/${section.id}`} aria-describedby={`${section.id}-status`}>
                {section.title}
              </Link>
            ) : (
              <span>{section.title}</span>
            )}
            <StatusOf id={section.id} status={section.status} />
          </li>
        ))}
      </ul>
      {application.editable ? (
        application.allComplete ? (
          <ButtonLink to="/apply/application/check-answers">Check your answers</ButtonLink>
        ) : (
          <p className="mb-8">When every section is complete you can check your answers and send your application.</p>
        )
      ) : null}
    </div>
  );
}
