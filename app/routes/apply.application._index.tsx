import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button, ButtonLink } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Tag } from '~/components/govuk/Tag';
import { TextInput } from '~/components/govuk/TextInput';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { getApplicationForViewer, inviteJointApplicant, type SectionStatus } from '~/modules/applications/applications.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Your application form – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    return getApplicationForViewer(viewer);
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    const result = await inviteJointApplicant(viewer, await request.formData(), { requestId: requestId(request) });
    if (result.ok) return { invited: true as const, fieldErrors: {}, values: {} };
    return data({ invited: false as const, fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
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
  const invitation = useActionData<typeof action>();
  const submitting = useNavigation().state === 'submitting';
  const errors: Record<string, string> = invitation?.fieldErrors ?? {};
  const values: Record<string, string> = invitation?.values ?? {};
  const completed = application.sections.filter((section) => section.status === 'complete').length;
  return (
    <div className="max-w-3xl">
      <BackLink to="/apply">Back to your progress</BackLink>
      <ErrorSummary errors={errors} />
      {invitation?.invited ? (
        <NotificationBanner variant="success">We have emailed them a link to sign in and fill in their own sections.</NotificationBanner>
      ) : null}
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
      {application.otherApplicants.length > 0 ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Applying with you</h2>
          <ul className="mb-8 list-disc space-y-2 pl-6">
            {application.otherApplicants.map((other) => (
              <li key={other.name}>
                {other.personalComplete
                  ? `${other.name} has completed their own sections.`
                  : other.signedUp
                    ? `${other.name} has not completed their own sections yet. The application can be sent once they have.`
                    : `${other.name} has not signed in, so you can send the application without their sections: your worker will ask them for their details during the assessment. If they do sign in, the application waits until they have completed their own sections.`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {application.editable ? (
        application.allComplete ? (
          <ButtonLink to="/apply/application/check-answers">Check your answers</ButtonLink>
        ) : application.ownComplete ? (
          <p className="mb-8">
            You have completed your sections. You can send the application when {application.waitingFor.join(' and ')} has
            completed theirs.
          </p>
        ) : (
          <p className="mb-8">When every section is complete you can check your answers and send your application.</p>
        )
      ) : null}
      {application.canInviteJointApplicant ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Applying with someone else</h2>
          <p className="mb-4">
            If you are applying with a partner, invite them here. They will get an email to sign in and fill in the
            sections about themselves; the sections about your home and household are shared.
          </p>
          <Form method="post" noValidate>
            <TextInput name="firstName" label="Their first name" autoComplete="off" defaultValue={values.firstName ?? ''} error={errors.firstName} />
            <TextInput name="lastName" label="Their last name" autoComplete="off" defaultValue={values.lastName ?? ''} error={errors.lastName} />
            <TextInput
              name="email"
              type="email"
              label="Their email address"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.email ?? ''}
              error={errors.email}
            />
            <Button variant="secondary" pending={submitting} pendingText="Sending…">
              Invite the second applicant
            </Button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
