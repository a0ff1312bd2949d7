import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { safeRedirectTo } from '~/modules/auth/access.server';
import { MAGIC_LINK_LIFETIME_MINUTES, requestApplicantMagicLink } from '~/modules/auth/magic-links.server';
import { magicLinkRequestSchema } from '~/modules/auth/schemas';

// apply_ (not apply.) so this signed-out page does not sit inside the signed-in applicant layout.
export const meta: MetaFunction = () => [{ title: 'Sign in to your application – Foster for East Midlands' }];

export function loader({ request }: LoaderFunctionArgs) {
  const search = new URL(request.url).searchParams;
  return {
    sent: search.has('sent'),
    redirectTo: safeRedirectTo(search.get('redirectTo'), ''),
    lifetimeMinutes: MAGIC_LINK_LIFETIME_MINUTES,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(magicLinkRequestSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  await requestApplicantMagicLink(parsed.data);
  // The same answer whether or not the address is on an application.
  return redirect('/apply/sign-in?sent');
}

export default function ApplicantSignIn() {
  const { sent, redirectTo, lifetimeMinutes } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <div className="max-w-xl">
        {sent ? (
          <>
            <PageHeading>Check your email</PageHeading>
            <p className="mb-4">If that email address is on an application, we have sent it a link to sign in.</p>
            <p className="mb-4">The link works once and expires in {lifetimeMinutes} minutes.</p>
          </>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <PageHeading>Sign in to your application</PageHeading>
            <p className="mb-4">Enter the email address you gave us. We will send you a link to sign in: there is no password.</p>
            <Form method="post" noValidate>
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <TextInput name="email" label="Email address" type="email" autoComplete="email" spellCheck={false}
                defaultValue={failed?.values.email} error={errors.email} />
              <Button>Send me a link</Button>
            </Form>
          </>
        )}
      </div>
    </main>
  );
}
