import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkboxField, FORM_ERROR_KEY, parseForm, ukDateField } from '~/lib/forms';

function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const contactSchema = z.object({
  firstName: z.string().trim().min(1, 'Enter your first name'),
  email: z.email('Enter an email address in the correct format, like name@example.com'),
  age: z.coerce.number().int().min(18, 'You must be 18 or over to foster'),
});

describe('parseForm', () => {
  test('returns the parsed data when the form is valid', () => {
    const result = parseForm(contactSchema, formOf([['firstName', ' Sam '], ['email', 'sam@example.com'], ['age', '34']]));
    expect(result).toEqual({ ok: true, data: { firstName: 'Sam', email: 'sam@example.com', age: 34 } });
  });

  test('returns one message per field and the values exactly as typed', () => {
    const result = parseForm(contactSchema, formOf([['firstName', '  '], ['email', 'sam@'], ['age', '17']]));
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        firstName: 'Enter your first name',
        email: 'Enter an email address in the correct format, like name@example.com',
        age: 'You must be 18 or over to foster',
      },
      values: { firstName: '  ', email: 'sam@', age: '17' },
    });
  });

  test('keeps only the first issue for a field', () => {
    const schema = z.object({ postcode: z.string().min(1, 'Enter a postcode').max(3, 'Postcode is too long') });
    const result = parseForm(schema, formOf([]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(['postcode']);

    const twoIssues = z.object({
      postcode: z.string().refine(() => false, 'First message').refine(() => false, 'Second message'),
    });
    const second = parseForm(twoIssues, formOf([['postcode', 'x']]));
    expect(second).toMatchObject({ ok: false, fieldErrors: { postcode: 'First message' } });
  });

  test('reports an issue that belongs to no field under the form key', () => {
    const schema = z
      .object({ password: z.string(), confirm: z.string() })
      .refine((value) => value.password === value.confirm, 'The passwords do not match');
    const result = parseForm(schema, formOf([['password', 'a'], ['confirm', 'b']]));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [FORM_ERROR_KEY]: 'The passwords do not match' } });
  });

  test('never echoes a password back to the page', () => {
    const schema = z.object({ email: z.email('Enter an email address'), password: z.string() });
    const result = parseForm(schema, formOf([['email', 'nope'], ['password', 'hunter22']]));
    expect(result).toEqual({ ok: false, fieldErrors: { email: 'Enter an email address' }, values: { email: 'nope' } });
  });
});

describe('checkboxField', () => {
  const schema = z.object({ interests: checkboxField(z.enum(['shortBreaks', 'longTerm', 'parentAndChild'])) });

  test('no box ticked gives an empty list', () => {
    expect(parseForm(schema, formOf([]))).toEqual({ ok: true, data: { interests: [] } });
  });

  test('one box ticked gives a list of one', () => {
    expect(parseForm(schema, formOf([['interests', 'longTerm']]))).toEqual({ ok: true, data: { interests: ['longTerm'] } });
  });

  test('several boxes give them all, and the values keep them comma-joined for re-rendering', () => {
    const valid = parseForm(schema, formOf([['interests', 'shortBreaks'], ['interests', 'longTerm']]));
    expect(valid).toEqual({ ok: true, data: { interests: ['shortBreaks', 'longTerm'] } });

    const invalid = parseForm(schema, formOf([['interests', 'shortBreaks'], ['interests', 'forged']]));
    expect(invalid).toMatchObject({ ok: false, values: { interests: 'shortBreaks,forged' } });
  });
});

describe('ukDateField', () => {
  const schema = z.object({
    dateOfBirth: ukDateField({ required: 'Enter your date of birth', invalid: 'Date of birth must be a real date' }),
  });

  test('joins day, month and year into YYYY-MM-DD', () => {
    const result = parseForm(
      schema,
      formOf([['dateOfBirth-day', '7'], ['dateOfBirth-month', '4'], ['dateOfBirth-year', '1990']]),
    );
    expect(result).toEqual({ ok: true, data: { dateOfBirth: '1990-04-07' } });
  });

  test('asks for the date when all three boxes are empty or missing', () => {
    const empty = parseForm(schema, formOf([['dateOfBirth-day', ''], ['dateOfBirth-month', ''], ['dateOfBirth-year', '']]));
    expect(empty).toMatchObject({ ok: false, fieldErrors: { dateOfBirth: 'Enter your date of birth' } });
    expect(parseForm(schema, formOf([]))).toMatchObject({ ok: false, fieldErrors: { dateOfBirth: 'Enter your date of birth' } });
  });

  test('says the date must be real, and keeps what was typed', () => {
    const result = parseForm(
      schema,
      formOf([['dateOfBirth-day', '31'], ['dateOfBirth-month', '2'], ['dateOfBirth-year', '1990']]),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { dateOfBirth: 'Date of birth must be a real date' },
      values: { 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', 'dateOfBirth-year': '1990' },
    });
  });
});
