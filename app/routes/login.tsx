import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { requestId } from '~/lib/http.server';
import { getViewer, safeRedirectTo } from '~/modules/auth/access.server';
import { HOME_PATH } from '~/modules/auth/roles';
import { signInSchema } from '~/modules/auth/schemas';
import { signInWithPassword } from '~/modules/auth/sign-in.server';

export const meta: MetaFunction = () => [{ title: 'Sign in – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  const viewer = await getViewer(request);
  if (viewer) throw redirect(safeRedirectTo(redirectTo, HOME_PATH[viewer.role]));
  return { redirectTo: safeRedirectTo(redirectTo, '') };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(signInSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const result = await signInWithPassword({
    ...parsed.data,
    userAgent: request.headers.get('User-Agent'),
    requestId: requestId(request),
  });
  if (!result.ok) {
    const status = result.reason === 'locked' ? 429 : 400;
    return data({ fieldErrors: { email: result.message }, values: { email: parsed.data.email } }, { status });
  }
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': result.setCookie } });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      <div className="max-w-xl">
        <ErrorSummary errors={errors} />
        <PageHeading>Sign in</PageHeading>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput name="email" label="Email address" type="email" autoComplete="email" spellCheck={false}
            defaultValue={failed?.values.email} error={errors.email} />
          <TextInput name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <Button>Sign in</Button>
        </Form>
        <p className="mb-4"><Link to="/forgot-password">Forgot your password?</Link></p>
        <p className="mb-4">Applying to foster? <Link to="/apply/sign-in">Get a link to sign in to your application</Link>.</p>
      </div>
    </main>
  );
}
