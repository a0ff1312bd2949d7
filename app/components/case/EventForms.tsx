import { Form } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { Radios } from '~/components/govuk/Radios';
import { Select } from '~/components/govuk/Select';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import type { EventFormField } from '~/modules/pipeline/event-form';
import { eventFormKey, failureFor, fieldId, type FormFailure } from './form-ids';

export type OfferedEvent = { type: string; label: string; fields: readonly EventFormField[] };

type EventFormsProps = { events: readonly OfferedEvent[]; today: string; failure?: FormFailure };

/** One disclosure per event the machine accepts now (STYLE.md §3.3); the one that failed opens with its errors. */
export function EventForms({ events, today, failure }: EventFormsProps) {
  if (events.length === 0) return <p className="mb-8">There is nothing for you to record at this stage.</p>;
  return (
    <div className="mb-8">
      {events.map((event) => {
        const formKey = eventFormKey(event.type);
        const { errors, values, failed } = failureFor(formKey, failure);
        return (
          <details key={event.type} id={formKey} open={failed} className="mb-2 border-b border-line pb-2">
            <summary className="cursor-pointer py-2 text-lg text-brand underline">{event.label}</summary>
            <Form method="post" noValidate className="mt-4 border-l-[5px] border-line pl-4">
              <input type="hidden" name="intent" value="event" />
              <input type="hidden" name="eventType" value={event.type} />
              {errors.form ? <p className="mb-4 font-bold text-danger">{errors.form}</p> : null}
              {event.fields.map((field) => (
                <EventField key={field.name} formKey={formKey} field={field} today={today} error={errors[field.name]} values={values} />
              ))}
              <Button>{event.label}</Button>
            </Form>
          </details>
        );
      })}
    </div>
  );
}

type EventFieldProps = {
  formKey: string;
  field: EventFormField;
  today: string;
  error?: string;
  values: Record<string, string>;
};

function EventField({ formKey, field, today, error, values }: EventFieldProps) {
  const id = fieldId(formKey, field.name);
  const common = { name: field.name, id, hint: field.hint, error };
  switch (field.kind) {
    case 'date':
      return (
        <DateInput {...common} legend={field.label} values={values} defaultDate={field.name === 'occurredOn' ? today : undefined} />
      );
    case 'text':
      return <TextInput {...common} label={field.label} defaultValue={values[field.name] ?? ''} width="two-thirds" />;
    case 'textarea':
    case 'lines':
      return <Textarea {...common} label={field.label} rows={3} defaultValue={values[field.name] ?? ''} />;
    case 'number':
      return <TextInput {...common} label={field.label} inputMode="numeric" width="3" defaultValue={values[field.name] ?? ''} />;
    case 'select':
      return (
        <Select
          {...common}
          label={field.label}
          options={field.options}
          placeholder={field.defaultValue ? undefined : 'Choose'}
          defaultValue={values[field.name] ?? field.defaultValue ?? ''}
        />
      );
    case 'radios':
      return <Radios {...common} legend={field.label} items={field.options} defaultValue={values[field.name]} />;
    case 'checkboxes':
      return <Checkboxes {...common} legend={field.label} items={field.options} defaultValues={values[field.name] ?? []} />;
  }
}
