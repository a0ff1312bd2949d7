import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { InsetText } from '~/components/govuk/InsetText';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList } from '~/components/govuk/SummaryList';
import { formatDate } from '~/lib/uk';
import { ButtonLink } from '~/components/govuk/Button';
import { getApplicantProgress } from '~/modules/applications/applications.server';
import { progressInWords } from '~/modules/applications/documents';
import { getDocumentsAndTraining, type DocumentsAndTraining } from '~/modules/applications/documents.server';
import { getApplicantStatus } from '~/modules/applications/status.server';
import { requireViewer } from '~/modules/auth/access.server';
import { getApplicantHome } from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Your application – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'apply' });
  const [application, progress, status, paperwork] = await Promise.all([
    getApplicantHome(viewer),
    getApplicantProgress(viewer),
    getApplicantStatus(viewer),
    getDocumentsAndTraining(viewer),
  ]);
  return { application, progress, status, paperwork };
}

export default function ApplicantHome() {
  const { application, progress, status, paperwork } = useLoaderData<typeof loader>();
  if (!application || !status) {
    return (
      <>
        <PageHeading>Your application</PageHeading>
        <p className="mb-4">We cannot find an application linked to your account yet.</p>
        <p className="mb-4">
          If you have asked us about fostering recently, we may still be setting things up. If you have not,{' '}
          <Link to="/">find out about fostering with us</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading caption={`Reference ${application.reference}`}>Your application</PageHeading>
      <SummaryList
        rows={[
          { key: 'Where you are now', value: application.stageLabel },
          { key: 'You asked about fostering on', value: formatDate(application.enquiryDate) },
          { key: 'Council assessing you', value: application.councilName ?? 'Not decided yet' },
          { key: 'Your worker', value: status.workerName ?? 'Not yet assigned' },
        ]}
      />
      {status.closure ? (
        <NotificationBanner title="Your application is closed">
          {status.closure.closedOn ? `We closed your application on ${formatDate(status.closure.closedOn)}` : 'We closed your application'}
          {status.closure.reasonLabel ? ` (${status.closure.reasonLabel.toLowerCase()}).` : '.'}
        </NotificationBanner>
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <InsetText>{application.nextStep}</InsetText>
      {progress?.application ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Your application form</h2>
          {progress.application.status === 'submitted' ? (
            <p className="mb-8">
              You have sent your application. <Link to="/apply/application/submitted">View the copy you sent</Link>.
            </p>
          ) : progress.canEdit ? (
            <ButtonLink to="/apply/application">
              {progress.application.status === 'notStarted' ? 'Start your application' : 'Continue your application'}
            </ButtonLink>
          ) : (
            <p className="mb-8">
              <Link to="/apply/application">Your application</Link>
            </p>
          )}
        </>
      ) : null}
      {progress && progress.timeline.length > 0 ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">The steps to becoming a foster carer</h2>
          <ol className="mb-8 list-decimal space-y-2 pl-6">
            {progress.timeline.map((step) => (
              <li key={step.label} aria-current={step.state === 'current' ? 'step' : undefined}>
                <span className={step.state === 'current' ? 'font-bold' : undefined}>{step.label}</span>
                <span className="text-muted">
                  {' '}
                  ({step.state === 'done' ? 'done' : step.state === 'current' ? 'you are here' : 'to come'})
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {paperwork ? <DocumentsAndTrainingDates paperwork={paperwork} /> : null}
      {status.canWithdraw ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">If you want to stop</h2>
          <p className="mb-8">
            You can stop at any time. <Link to="/apply/withdraw">Withdraw your application</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

/** What we will ask for and what has arrived, and the training: dates only, never what a check found. */
function DocumentsAndTrainingDates({ paperwork }: { paperwork: DocumentsAndTraining }) {
  const { documents, training, applicationSentOn } = paperwork;
  const nothingAskedYet = documents.every((item) => item.progress.state === 'notYet');
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Documents and checks</h2>
      <p className="mb-4">
        Your application form:{' '}
        {applicationSentOn ? `you sent it on ${formatDate(applicationSentOn)}.` : 'not sent yet.'}
      </p>
      {nothingAskedYet ? (
        <p className="mb-4">
          We have not asked you for any documents yet. When a council starts assessing your application, your worker
          will start these checks and tell you what they need from you.
        </p>
      ) : null}
      <SummaryList
        rows={documents.map((item) => ({
          key: item.title,
          value: (
            <>
              <p className="mb-1">{progressInWords(item.progress, formatDate)}</p>
              <p className="text-muted">{item.whatYouDo}</p>
            </>
          ),
        }))}
      />
      <h2 className="mb-4 text-2xl font-bold">Training dates</h2>
      {training.standards ? (
        <p className="mb-4">
          {training.standards.metOn
            ? `You completed the Training, Support and Development Standards on ${formatDate(training.standards.metOn)}.`
            : training.standards.dueOn
              ? `As an approved foster carer, you need to complete the Training, Support and Development Standards by ${formatDate(training.standards.dueOn)}.`
              : 'As an approved foster carer, your supervising social worker will agree your training with you.'}
        </p>
      ) : (
        <>
          <p className="mb-4">
            We do not have dates for your Skills to Foster preparation course yet. Your worker will give you them: the
            course usually runs alongside your assessment over a few sessions, and if you are applying with a partner
            you both go to every session.
          </p>
          {training.availableTimes.length > 0 ? (
            <p className="mb-8">You told us you could go to training at these times: {training.availableTimes.join(', ').toLowerCase()}.</p>
          ) : (
            <p className="mb-8">You can tell us when you could go in the “Training and availability” part of your application.</p>
          )}
        </>
      )}
    </>
  );
}
