import { z } from 'zod';
import { parseDayMonthYear } from '~/lib/uk';

export type ParsedForm<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

type FormInput = Record<string, string | string[] | DateParts>;
export type DateParts = { day: string; month: string; year: string };

// Never sent back to the page: a re-rendered form must not echo a password into the HTML.
const NEVER_ECHOED = /password/i;

/** The key under which an issue that belongs to no single field (an object-level refine) is reported. */
export const FORM_ERROR_KEY = 'form';

/**
 * Reads a submitted form and validates it with a Zod schema on the server (STYLE.md §5).
 * - A name sent once becomes a string; a name sent several times (checkboxes) becomes a string array.
 * - A GOV.UK date input (`<name>-day`, `<name>-month`, `<name>-year`) also appears as `<name>: { day, month, year }`,
 *   for `ukDateField()`.
 * - On failure, `fieldErrors` holds the first message for each field path, and `values` the strings as typed, so the
 *   page re-renders with them. Repeated names are joined with commas, which the Checkboxes component understands.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
): ParsedForm<z.output<Schema>> {
  const input: FormInput = {};
  const values: Record<string, string> = {};
  for (const name of new Set(formData.keys())) {
    const submitted = formData.getAll(name).filter((entry): entry is string => typeof entry === 'string');
    if (submitted.length === 0) continue;
    input[name] = submitted.length === 1 ? submitted[0] : submitted;
    if (!NEVER_ECHOED.test(name)) values[name] = submitted.join(',');
  }
  addDateParts(input, values);

  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };

  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || FORM_ERROR_KEY;
    fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, values };
}

function addDateParts(input: FormInput, values: Record<string, string>) {
  for (const name of Object.keys(values)) {
    if (!name.endsWith('-day')) continue;
    const base = name.slice(0, -'-day'.length);
    if (base in input) continue;
    input[base] = {
      day: values[`${base}-day`] ?? '',
      month: values[`${base}-month`] ?? '',
      year: values[`${base}-year`] ?? '',
    };
  }
}

/**
 * A field for a GOV.UK date input, giving 'YYYY-MM-DD'. Messages follow the GOV.UK pattern: say what to enter.
 * Example: `dateOfBirth: ukDateField({ required: 'Enter your date of birth', invalid: 'Date of birth must be a real date' })`.
 */
export function ukDateField(messages: { required: string; invalid: string }) {
  return z
    .object(
      { day: z.string(), month: z.string(), year: z.string() },
      { error: messages.required },
    )
    .transform((parts, ctx) => {
      if (!parts.day.trim() && !parts.month.trim() && !parts.year.trim()) {
        ctx.addIssue({ code: 'custom', message: messages.required });
        return z.NEVER;
      }
      const date = parseDayMonthYear(parts.day, parts.month, parts.year);
      if (date === null) {
        ctx.addIssue({ code: 'custom', message: messages.invalid });
        return z.NEVER;
      }
      return date;
    });
}

/** Checkbox groups send nothing when none is ticked and a single string when one is: always give an array. */
export function checkboxField<Item extends z.ZodType>(item: Item) {
  return z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}
