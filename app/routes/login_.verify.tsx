import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { isMagicLinkUsable, signInWithMagicLink } from '~/modules/auth/magic-links.server';

// login_ (not login.) so this page does not render inside the password sign-in page. The GET only shows a
// button: mail scanners follow links, and must not use up the applicant's one-time link. The POST uses it.
export const meta: MetaFunction = () => [{ title: 'Sign in to your application – Foster for East Midlands' }];

// The token is in the address: keep it out of the Referer header of anything this page links to.
export const headers: HeadersFunction = () => ({ 'Referrer-Policy': 'no-referrer' });

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const usable = token !== '' && (await isMagicLinkUsable(token));
  return data({ usable, token: usable ? token : '' }, { status: usable ? 200 : 410 });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = (await request.formData()).get('token');
  const result = typeof token === 'string' ? await signInWithMagicLink(token, request.headers.get('User-Agent')) : { ok: false as const };
  if (!result.ok) return data({ usable: false }, { status: 410 });
  return redirect(result.redirectTo, { headers: { 'Set-Cookie': result.setCookie } });
}

export default function VerifyMagicLink() {
  const { usable, token } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <main id="main-content" tabIndex={-1} className="govuk-width-container block py-8 md:py-10">
      {usable && !failed ? (
        <>
          <PageHeading>Sign in to your application</PageHeading>
          <Form method="post">
            <input type="hidden" name="token" value={token} />
            <Button>Continue to your application</Button>
          </Form>
        </>
      ) : (
        <>
          <PageHeading>This link has expired or has already been used</PageHeading>
          <p className="mb-4">Each sign-in link works once, for a limited time.</p>
          <p className="mb-4"><Link to="/apply/sign-in">Get a new link</Link></p>
        </>
      )}
    </main>
  );
}
