import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { Radios } from '~/components/govuk/Radios';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { Tag, type TagColour } from '~/components/govuk/Tag';
import { TextInput } from '~/components/govuk/TextInput';
import { formatDate } from '~/lib/uk';
import type { ReferenceSection } from '~/modules/checks/reference-page.server';
import type { ReferenceStatus } from '~/modules/checks/references.server';
import { failureFor, fieldId, type FormFailure } from './form-ids';

type ReferenceRequest = ReferenceSection['requests'][number];

const STATUS_TAGS: Record<ReferenceStatus, { label: string; colour: TagColour }> = {
  requested: { label: 'Requested', colour: 'blue' },
  reminded: { label: 'Reminded', colour: 'yellow' },
  received: { label: 'Received', colour: 'green' },
  declined: { label: 'Declined', colour: 'grey' },
  overdue: { label: 'Overdue', colour: 'red' },
};

const dateOrNotYet = (date: string | null) => (date ? formatDate(date) : 'Not yet');

function Disclosure({ id, summary, open, children }: { id: string; summary: string; open: boolean; children: ReactNode }) {
  return (
    <details id={id} open={open} className="mb-4">
      <summary className="cursor-pointer py-2 text-lg text-brand underline">{summary}</summary>
      <div className="mt-4 border-l-[5px] border-line pl-4">{children}</div>
    </details>
  );
}

function answerCell(request: ReferenceRequest) {
  if (request.status === 'declined') return 'Declined to give a reference';
  if (request.receivedOn) return `${formatDate(request.receivedOn)}: ${request.outcomeLabel ?? 'outcome not recorded'}`;
  return request.dueOn ? `Due by ${formatDate(request.dueOn)}` : 'Not yet';
}

function RequestReferenceForm({ section, failure }: { section: ReferenceSection; failure?: FormFailure }) {
  const formKey = 'requestReference';
  const { errors, values, failed } = failureFor(formKey, failure);
  return (
    <Disclosure id={formKey} summary="Request a reference" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value={formKey} />
        <Select name="type" id={fieldId(formKey, 'type')} label="Kind of reference" placeholder="Choose" options={section.typeOptions}
          error={errors.type} defaultValue={values.type ?? ''} />
        <TextInput name="refereeName" id={fieldId(formKey, 'refereeName')} label="Referee’s full name" autoComplete="off"
          spellCheck={false} width="two-thirds" error={errors.refereeName} defaultValue={values.refereeName ?? ''} />
        <TextInput name="refereeEmail" id={fieldId(formKey, 'refereeEmail')} label="Referee’s email address" type="email"
          hint="We email the request to this address, with one reminder after 10 working days" autoComplete="off"
          spellCheck={false} width="two-thirds" error={errors.refereeEmail} defaultValue={values.refereeEmail ?? ''} />
        <Button>Send the request</Button>
      </Form>
    </Disclosure>
  );
}

function CorrectEmailForm({ request, failure }: { request: ReferenceRequest; failure?: FormFailure }) {
  const formKey = `correctRefereeEmail-${request.id}`;
  const { errors, values, failed } = failureFor(formKey, failure);
  const name = request.refereeName ?? 'the referee';
  return (
    <Disclosure id={formKey} summary={`Correct the email address for ${name}`} open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="correctRefereeEmail" />
        <input type="hidden" name="checkId" value={request.id} />
        <TextInput name="refereeEmail" id={fieldId(formKey, 'refereeEmail')} label={`Correct email address for ${name}`} type="email"
          hint="The request is sent again to this address, and its reminder and due dates start again" autoComplete="off"
          spellCheck={false} width="two-thirds" error={errors.refereeEmail} defaultValue={values.refereeEmail ?? request.refereeEmail ?? ''} />
        <Button>Correct and send again</Button>
      </Form>
    </Disclosure>
  );
}

function RecordAnswerForm({ request, section, today, failure }: { request: ReferenceRequest; section: ReferenceSection; today: string; failure?: FormFailure }) {
  const formKey = `recordReference-${request.id}`;
  const { errors, values, failed } = failureFor(formKey, failure);
  const name = request.refereeName ?? 'the referee';
  return (
    <Disclosure id={formKey} summary={`Record the answer from ${name}`} open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="recordReference" />
        <input type="hidden" name="checkId" value={request.id} />
        <Radios name="answer" id={fieldId(formKey, 'answer')} legend={`What did ${name} do?`} error={errors.answer}
          defaultValue={values.answer} items={[
            { value: 'received', label: 'Gave a reference' },
            { value: 'declined', label: 'Declined to give a reference' },
          ]} />
        <DateInput name="receivedOn" id={fieldId(formKey, 'receivedOn')} legend="Date the reference was received"
          hint="Only if they gave a reference. For example, 27 3 2026" error={errors.receivedOn} values={values} defaultDate={today} />
        <Select name="outcome" id={fieldId(formKey, 'outcome')} label="What the reference said" hint="Only if they gave a reference"
          placeholder="Choose" options={section.outcomeOptions} error={errors.outcome} defaultValue={values.outcome ?? ''} />
        <Button>Record the answer</Button>
      </Form>
    </Disclosure>
  );
}

type ReferencesProps = { section: ReferenceSection; today: string; failure?: FormFailure };

/**
 * Stage 1 references (DOMAIN.md §2.2 step 7): each request with its status, a form to request another, and for a
 * request still waiting, forms to correct the referee's address and to record the answer.
 */
export function References({ section, today, failure }: ReferencesProps) {
  const waiting = section.requests.filter((request) => request.open);
  return (
    <section aria-labelledby="references-heading" className="mb-8">
      <h2 id="references-heading" className="mb-4 mt-8 text-2xl font-bold">
        References
      </h2>
      {section.requests.length === 0 ? (
        <p className="mb-8">No references have been requested yet.</p>
      ) : (
        <Table
          caption="Reference requests and their status"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Referee' }, { header: 'Email address' }, { header: 'Requested' }, { header: 'Reminded' }, { header: 'Status' }, { header: 'Answer' }]}
          rows={section.requests.map((request) => {
            const tag = request.status ? STATUS_TAGS[request.status] : null;
            return {
              id: request.id,
              cells: [
                `${request.refereeName ?? 'Referee'} (${request.typeLabel})`,
                request.refereeEmail ?? 'Not recorded',
                dateOrNotYet(request.requestedOn),
                dateOrNotYet(request.remindedOn),
                tag ? <Tag colour={tag.colour}>{tag.label}</Tag> : 'Not requested',
                answerCell(request),
              ],
            };
          })}
        />
      )}
      {section.canRequest ? <RequestReferenceForm section={section} failure={failure} /> : null}
      {waiting.map((request) => (
        <div key={request.id}>
          <CorrectEmailForm request={request} failure={failure} />
          <RecordAnswerForm request={request} section={section} today={today} failure={failure} />
        </div>
      ))}
    </section>
  );
}
