import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { Select, type SelectOption } from '~/components/govuk/Select';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '~/modules/households/casework';
import { failureFor, fieldId, type FormFailure } from './form-ids';

const optionsOf = (list: readonly { code: string; label: string }[]): SelectOption[] =>
  list.map((entry) => ({ value: entry.code, label: entry.label }));

/** A tidy disclosure around a small form, open when that form came back with errors. */
export function Disclosure({ id, summary, open, children }: { id: string; summary: string; open: boolean; children: ReactNode }) {
  return (
    <details id={id} open={open} className="mb-4">
      <summary className="cursor-pointer py-2 text-lg text-brand underline">{summary}</summary>
      <div className="mt-4 border-l-[5px] border-line pl-4">{children}</div>
    </details>
  );
}

export function NoteForm({ failure, canRestrict }: { failure?: FormFailure; canRestrict: boolean }) {
  const { errors, values, failed } = failureFor('note', failure);
  const flags = [
    { value: 'peerSupport', label: 'Peer support: the hub can still read it after handover' },
    ...(canRestrict ? [{ value: 'restricted', label: 'Restricted: safeguarding, for council assessment staff only' }] : []),
  ];
  return (
    <Disclosure id="note" summary="Add a note" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="note" />
        <Textarea name="body" id={fieldId('note', 'body')} label="Note" error={errors.body} defaultValue={values.body ?? ''} />
        <Checkboxes name="flags" id={fieldId('note', 'flags')} legend="Who can read it (optional)" items={flags}
          error={errors.flags} defaultValues={values.flags ?? ''} />
        <Button>Add note</Button>
      </Form>
    </Disclosure>
  );
}

export function ContactAttemptForm({ failure, today }: { failure?: FormFailure; today: string }) {
  const { errors, values, failed } = failureFor('contact', failure);
  return (
    <Disclosure id="contact" summary="Log a contact attempt" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="contact" />
        <DateInput name="occurredOn" id={fieldId('contact', 'occurredOn')} legend="Date of the contact attempt" hint="For example, 27 3 2026"
          error={errors.occurredOn} values={values} defaultDate={today} />
        <Select name="channel" id={fieldId('contact', 'channel')} label="How you tried to make contact" placeholder="Choose"
          options={optionsOf(CONTACT_CHANNELS)} error={errors.channel} defaultValue={values.channel ?? ''} />
        <Select name="outcome" id={fieldId('contact', 'outcome')} label="What happened" placeholder="Choose"
          options={optionsOf(CONTACT_OUTCOMES)} error={errors.outcome} defaultValue={values.outcome ?? ''} />
        <Textarea name="summary" id={fieldId('contact', 'summary')} label="Summary (optional)" rows={3}
          error={errors.summary} defaultValue={values.summary ?? ''} />
        <Button>Log contact attempt</Button>
      </Form>
    </Disclosure>
  );
}

export function AddTaskForm({ failure, staff }: { failure?: FormFailure; staff: readonly SelectOption[] }) {
  const { errors, values, failed } = failureFor('task', failure);
  return (
    <Disclosure id="task" summary="Add a task" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="task" />
        <TextInput name="title" id={fieldId('task', 'title')} label="What needs doing" error={errors.title} defaultValue={values.title ?? ''} />
        <DateInput name="dueOn" id={fieldId('task', 'dueOn')} legend="Due date" hint="For example, 27 3 2026" error={errors.dueOn} values={values} />
        <Select name="ownerId" id={fieldId('task', 'ownerId')} label="Who will do it" placeholder="Choose" options={staff}
          error={errors.ownerId} defaultValue={values.ownerId ?? ''} />
        <Button>Add task</Button>
      </Form>
    </Disclosure>
  );
}

export function AssignWorkerForm({ failure, staff }: { failure?: FormFailure; staff: readonly SelectOption[] }) {
  const { errors, values, failed } = failureFor('assign', failure);
  return (
    <Disclosure id="assign" summary="Assign a worker" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="assign" />
        <Select name="ownerId" id={fieldId('assign', 'ownerId')} label="Worker" placeholder="Choose" options={staff}
          error={errors.ownerId} defaultValue={values.ownerId ?? ''} />
        <Button>Assign worker</Button>
      </Form>
    </Disclosure>
  );
}
