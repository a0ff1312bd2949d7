import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { PublicEnquiryFields } from '~/components/enquiries/PublicEnquiryFields';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { parseForm } from '~/lib/forms';
import { requestId } from '~/lib/http.server';
import { createEnquiry } from '~/modules/enquiries/enquiries.server';
import {
  admitEnquiry,
  clientAddressOf,
  confirmationCookieHeader,
  HONEYPOT_FIELD,
  isHoneypotFilled,
} from '~/modules/enquiries/public-form.server';
import { enquirySchema } from '~/modules/enquiries/schema';

export const meta: MetaFunction = () => [{ title: 'Ask about fostering – Foster for East Midlands' }];

// A page rendered from the action (no JavaScript) takes its headers from here, so Retry-After reaches the browser.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? new Headers({ 'Retry-After': retryAfter }) : new Headers();
};

export function loader() {
  // A fresh key per page: a double tap or a resubmitted page makes one enquiry (STYLE.md §5).
  return { idempotencyKey: crypto.randomUUID(), honeypotName: HONEYPOT_FIELD };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  // A bot gets the same answer as a person, so it learns nothing; nothing is stored.
  if (isHoneypotFilled(form)) return redirect('/enquire/received');
  const parsed = parseForm(enquirySchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, retryAfterMinutes: null }, { status: 400 });
  const admission = admitEnquiry(clientAddressOf(context), parsed.data.idempotencyKey);
  if (!admission.allowed) {
    return data(
      { fieldErrors: {}, values: typedValues(form), retryAfterMinutes: Math.ceil(admission.retryAfterSeconds / 60) },
      { status: 429, headers: { 'Retry-After': String(admission.retryAfterSeconds) } },
    );
  }
  const { household } = await createEnquiry(null, parsed.data, {
    channel: 'webForm', origin: 'enquiry', idempotencyKey: parsed.data.idempotencyKey, requestId: requestId(request),
  });
  return redirect('/enquire/received', { headers: { 'Set-Cookie': await confirmationCookieHeader(household) } });
}

/** Everything typed, as `parseForm` would keep it, so a refused page comes back filled in. */
function typedValues(form: FormData): Record<string, string> {
  const names = new Set(form.keys());
  return Object.fromEntries([...names].map((name) => [name, form.getAll(name).filter((value) => typeof value === 'string').join(',')]));
}

export default function Enquire() {
  const { idempotencyKey, honeypotName } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors: Record<string, string> = answer?.fieldErrors ?? {};
  const values: Record<string, string> = answer?.values ?? {};
  const submitting = useNavigation().state === 'submitting';
  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={errors} />
      {answer?.retryAfterMinutes ? (
        <NotificationBanner title="Please wait a few minutes">
          We have had several enquiries from your connection in the last few minutes, so we cannot take another one just
          yet. Your answers are still here: please send them again in {answer.retryAfterMinutes}{' '}
          {answer.retryAfterMinutes === 1 ? 'minute' : 'minutes'}.
        </NotificationBanner>
      ) : null}
      <PageHeading>Ask about fostering</PageHeading>
      <p className="mb-8">
        Tell us a little about yourself and someone from our team will get in touch, usually within one working day.
        Asking does not commit you to anything.
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? idempotencyKey} />
        <PublicEnquiryFields errors={errors} values={values} honeypotName={honeypotName} />
        <Button pending={submitting} pendingText="Sending your enquiry…">Send enquiry</Button>
      </Form>
    </div>
  );
}
