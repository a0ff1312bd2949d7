import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { RESET_LINK_LIFETIME_MINUTES, requestPasswordReset } from '~/modules/auth/password-reset.server';
import { emailOnlySchema } from '~/modules/auth/schemas';

export const meta: MetaFunction = () => [{ title: 'Reset your password – Foster for East Midlands' }];

export function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.has('sent'), lifetimeMinutes: RESET_LINK_LIFETIME_MINUTES };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(emailOnlySchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  await requestPasswordReset(parsed.data.email);
  // The same answer whether or not the address has an account.
  return redirect('/forgot-password?sent');
}

export default function ForgotPassword() {
  const { sent, lifetimeMinutes } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <div className="max-w-xl">
        {sent ? (
          <>
            <PageHeading>Check your email</PageHeading>
            <p className="mb-4">If there is a staff account for that email address, we have sent it a link to reset the password.</p>
            <p className="mb-4">The link works once and expires in {lifetimeMinutes} minutes.</p>
            <p className="mb-4"><Link to="/login">Back to sign in</Link></p>
          </>
        ) : (
          <>
            <ErrorSummary errors={errors} />
            <PageHeading>Reset your password</PageHeading>
            <p className="mb-4">We will email you a link to choose a new password.</p>
            <Form method="post" noValidate>
              <TextInput name="email" label="Email address" type="email" autoComplete="email" spellCheck={false}
                defaultValue={failed?.values.email} error={errors.email} />
              <Button>Send the link</Button>
            </Form>
          </>
        )}
      </div>
    </main>
  );
}
