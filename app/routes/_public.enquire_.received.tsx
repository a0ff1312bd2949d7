import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { InsetText } from '~/components/govuk/InsetText';
import { readConfirmation } from '~/modules/enquiries/public-form.server';

export const meta: MetaFunction = () => [{ title: 'Enquiry sent – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { confirmation: await readConfirmation(request) };
}

export default function EnquiryReceived() {
  const { confirmation } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <div className="mb-8 bg-success p-6 text-center text-white">
        <h1 className="mb-4 text-3xl font-bold md:text-5xl">Enquiry sent</h1>
        {confirmation ? (
          <p className="text-xl md:text-2xl">
            Your reference is
            <br />
            <strong className="break-words">{confirmation.reference}</strong>
          </p>
        ) : null}
      </div>

      {confirmation?.outsideArea ? (
        <InsetText>
          <h2 className="mb-2 text-xl font-bold">Your postcode is outside our four councils</h2>
          <p className="mb-2">
            Foster for East Midlands works for Derby City, Derbyshire, Nottingham City and Nottinghamshire councils.
            Your postcode looks as if it is outside these areas, so the best place to start is your own local
            council&apos;s fostering service. You can{' '}
            <a href="https://www.gov.uk/find-local-council">find your local council on GOV.UK</a>.
          </p>
          <p>
            We will still read your enquiry. Some people who live near our borders foster with one of our councils, and
            we will let you know if that could be you.
          </p>
        </InsetText>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">What happens next</h2>
      <ol className="mb-8 list-decimal space-y-2 pl-6">
        <li>We have sent a confirmation to your email address, if you gave us one.</li>
        <li>Someone from our team will contact you, usually within one working day, to talk about fostering and answer your questions.</li>
        <li>If you would both like to carry on, we arrange a visit to talk about fostering in more depth.</li>
      </ol>
      <p className="mb-4">
        {confirmation ? 'Please quote your reference if you contact us. ' : null}
        There is no commitment at this stage.
      </p>
      <p className="mb-4">
        While you wait, read about <Link to="/fostering/training-and-support">the training and support on offer</Link> or
        the <Link to="/fostering/faq">questions people often ask</Link>.
      </p>
    </div>
  );
}
