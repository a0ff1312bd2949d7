import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Radios } from '~/components/govuk/Radios';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { getSectionForViewer, saveSection } from '~/modules/applications/applications.server';
import { findSection, type Question } from '~/modules/applications/sections';
import { requireApplicantKeepingAnswers, takeUnsavedAnswers } from '~/modules/applications/unsaved-answers.server';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction<typeof loader> = ({ params }) => [
  { title: `${findSection(params.section ?? '')?.title ?? 'Application'} – Your application – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'apply' });
    const section = await getSectionForViewer(viewer, params.section ?? '');
    if (!section.editable) throw redirect('/apply/application');
    // Answers posted after the session ended come back once, over what was last saved.
    const restored = await takeUnsavedAnswers(request, viewer, section.sectionId);
    if (!restored) return data({ ...section, restored: false, droppedLabels: [] as string[] });
    return data(
      { ...section, answers: { ...section.answers, ...restored.answers }, restored: true, droppedLabels: restored.droppedLabels },
      { headers: { 'Set-Cookie': restored.setCookie } },
    );
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const form = await request.formData();
    const viewer = await requireApplicantKeepingAnswers(request, params.section ?? '', form);
    // Both buttons save; a failed check still keeps the answers as a draft (see saveSection).
    const result = await saveSection(viewer, params.section ?? '', form, { requestId: requestId(request) });
    if (result.ok || form.get('intent') === 'later') return redirect('/apply/application');
    return data({ fieldErrors: result.fieldErrors, values: result.values }, { status: 400 });
  });

function QuestionField({ question, values, error }: { question: Question; values: Record<string, string>; error?: string }) {
  const common = { name: question.name, hint: question.hint, error };
  switch (question.kind) {
    case 'text':
    case 'email':
    case 'tel':
      return <TextInput {...common} label={question.label} type={question.kind} defaultValue={values[question.name] ?? ''} spellCheck={question.kind === 'text' ? undefined : false} />;
    case 'number':
      return <TextInput {...common} label={question.label} inputMode="numeric" width="3" defaultValue={values[question.name] ?? ''} />;
    case 'textarea':
      return <Textarea {...common} label={question.label} defaultValue={values[question.name] ?? ''} />;
    case 'date':
      return <DateInput {...common} legend={question.label} values={values} autoCompletePrefix="bday" />;
    case 'radios':
      return <Radios {...common} legend={question.label} items={question.options} defaultValue={values[question.name]} inline={question.options.length === 2} />;
    case 'checkboxes':
      return <Checkboxes {...common} legend={question.label} items={question.options} defaultValues={values[question.name] ?? ''} />;
    case 'consent':
      return <Checkboxes {...common} legend={question.label} items={[{ value: 'yes', label: 'Yes, I agree' }]} defaultValues={values[question.name] ?? ''} />;
  }
}

export default function ApplicationSection() {
  const saved = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const section = findSection(saved.sectionId);
  const submitting = useNavigation().state === 'submitting';
  if (!section) return null;
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed?.values ?? saved.answers;
  return (
    <div className="max-w-3xl">
      <BackLink to="/apply/application">Back to your application form</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading caption="Your application">{section.title}</PageHeading>
      {saved.restored ? (
        <NotificationBanner title="Your answers are not saved yet">
          <p>You were signed out before your answers were saved. We have put back what you typed: check it, then save.</p>
          {saved.droppedLabels.length > 0 ? (
            <p className="mt-2">
              Some answers were too long to keep while you signed in again. Please enter them again: {saved.droppedLabels.join('; ')}.
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <Form method="post" noValidate>
        {section.questions.map((question) => (
          <QuestionField key={question.name} question={question} values={values} error={errors[question.name]} />
        ))}
        <div className="flex flex-wrap gap-4">
          <Button name="intent" value="continue" pending={submitting} pendingText="Saving…">
            Save and continue
          </Button>
          <Button name="intent" value="later" variant="secondary" pending={submitting} pendingText="Saving…">
            Save and come back later
          </Button>
        </div>
      </Form>
    </div>
  );
}
