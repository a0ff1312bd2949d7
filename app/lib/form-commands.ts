import type { z } from 'zod';
import { Conflict, ValidationFailed } from '~/lib/errors';
import { FORM_ERROR_KEY, parseForm } from '~/lib/forms';

/** Why a posted form was refused: errors by field and what was typed, or the optimistic lock's message (409). */
export type FormRefusal = {
  status: 400 | 409;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
  conflict: string | null;
};

export type FormCommandOutcome<Result> = { ok: true; result: Result } | ({ ok: false } & FormRefusal);

/** Every submitted string as typed; repeated names joined with commas, as `parseForm` gives them. */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of new Set(formData.keys())) {
    values[name] = formData.getAll(name).filter((entry): entry is string => typeof entry === 'string').join(',');
  }
  return values;
}

/**
 * Parses a posted form with its schema and runs one command with the input (STYLE.md §5). An invalid form, and a
 * command's ValidationFailed or Conflict, come back as a refusal holding what was typed; anything else is thrown on.
 */
export async function runFormCommand<Schema extends z.ZodType, Result>(
  schema: Schema,
  formData: FormData,
  command: (input: z.output<Schema>) => Promise<Result>,
): Promise<FormCommandOutcome<Result>> {
  const parsed = parseForm(schema, formData);
  if (!parsed.ok) return { ok: false, status: 400, fieldErrors: parsed.fieldErrors, values: parsed.values, conflict: null };
  try {
    return { ok: true, result: await command(parsed.data) };
  } catch (error) {
    if (error instanceof ValidationFailed) return { ok: false, status: 400, fieldErrors: error.fieldErrors, values: typedValues(formData), conflict: null };
    if (error instanceof Conflict) return { ok: false, status: 409, fieldErrors: {}, values: typedValues(formData), conflict: error.message };
    throw error;
  }
}

/** A refused form as its page gets it back: which of the page's forms, the errors to show and what was typed. */
export type FormFailure = { form: string; fieldErrors: Record<string, string>; values: Record<string, string> };

/** For pages that list a conflict in the error summary too, as an error of the whole form. */
export function formFailure(form: string, refusal: FormRefusal): FormFailure {
  return { form, fieldErrors: refusal.conflict === null ? refusal.fieldErrors : { [FORM_ERROR_KEY]: refusal.conflict }, values: refusal.values };
}

/** The failure's errors and typed values when it belongs to this form; empty otherwise. */
export function failureOf(form: string, failure: FormFailure | undefined) {
  if (!failure || failure.form !== form) return { errors: {} as Record<string, string>, values: {} as Record<string, string>, failed: false };
  return { errors: failure.fieldErrors, values: failure.values, failed: true };
}
