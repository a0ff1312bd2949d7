import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { InsetText } from '~/components/govuk/InsetText';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList } from '~/components/govuk/SummaryList';
import { formatDate } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getApplicantHome } from '~/modules/households/households.server';

export const meta: MetaFunction = () => [{ title: 'Your application – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'apply' });
  return { application: await getApplicantHome(viewer) };
}

export default function ApplicantHome() {
  const { application } = useLoaderData<typeof loader>();
  if (!application) {
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
        ]}
      />
      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <InsetText>{application.nextStep}</InsetText>
    </>
  );
}
