// The case page holds many small forms whose inputs share names (every event has an `occurredOn`), so each input's id
// is prefixed with its form's key: 'event-VISIT_BOOKED-visitOn', 'task-dueOn', 'event-APPROVE-terms-maxAge'.

/** The key of an event's form; also the id of its disclosure, where errors that belong to no one input link. */
export function eventFormKey(eventType: string) {
  return `event-${eventType}`;
}

export function fieldId(formKey: string, name: string) {
  return `${formKey}-${name.replaceAll('.', '-')}`;
}

/** Errors keyed by input name ('terms.maxAge', or 'form' for the whole form) → by the id the summary links to. */
export function errorsById(formKey: string, fieldErrors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([name, message]) => [name === 'form' ? formKey : fieldId(formKey, name), message]),
  );
}

export type FormFailure = {
  form: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  conflict: string | null;
};

/** The failure's errors and typed values when it belongs to this form; empty otherwise. */
export function failureFor(formKey: string, failure: FormFailure | undefined) {
  if (!failure || failure.form !== formKey) return { errors: {} as Record<string, string>, values: {} as Record<string, string>, failed: false };
  return { errors: failure.fieldErrors, values: failure.values, failed: true };
}
