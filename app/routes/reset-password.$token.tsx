import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { isPasswordTokenUsable, resetPasswordWithToken } from '~/modules/auth/password-reset.server';
import { MIN_PASSWORD_LENGTH, newPasswordSchema } from '~/modules/auth/schemas';

// Serves both "forgot your password" links and the first password of an invited member of staff.
export const meta: MetaFunction = () => [{ title: 'Choose a password – Foster for East Midlands' }];

// The token is in the address: keep it out of the Referer header of anything this page links to.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer' });

const LINK_UNUSABLE = { usable: false, fieldErrors: {}, values: {} } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const usable = await isPasswordTokenUsable(params.token ?? '');
  return data({ usable }, { status: usable ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(newPasswordSchema, await request.formData());
  if (!parsed.ok) return data({ usable: true, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await resetPasswordWithToken(params.token ?? '', parsed.data.password, request.headers.get('User-Agent'));
  if (!result.ok) return data(LINK_UNUSABLE, { status: 410 });
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': result.setCookie } });
}

export default function ResetPassword() {
  const { usable } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  if (!usable || failed?.usable === false) {
    return (
      <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
        <PageHeading>This link has expired or has already been used</PageHeading>
        <p className="mb-4">Each link works once, for a limited time.</p>
        <p className="mb-4"><Link to="/forgot-password">Get a new link to choose your password</Link></p>
      </main>
    );
  }
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <div className="max-w-xl">
        <ErrorSummary errors={errors} />
        <PageHeading>Choose a password</PageHeading>
        <Form method="post" noValidate>
          <TextInput name="password" label="Password" type="password" autoComplete="new-password"
            hint={`Use ${MIN_PASSWORD_LENGTH} characters or more. A few unrelated words are easy to remember and hard to guess.`}
            error={errors.password} />
          <TextInput name="confirmPassword" label="Type the password again" type="password" autoComplete="new-password"
            error={errors.confirmPassword} />
          <Button>Save password and sign in</Button>
        </Form>
      </div>
    </main>
  );
}
