import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { Conflict, Forbidden, ValidationFailed } from '~/lib/errors';
import { failureOf, formFailure, runFormCommand } from '~/lib/form-commands';

function formOf(entries: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const schema = z.object({ name: z.string().trim().min(1, 'Enter a name') });
const typed = formOf([['intent', 'rename'], ['name', ' Ada '], ['flags', 'a'], ['flags', 'b']]);

describe('runFormCommand', () => {
  test('runs the command with the parsed input and gives back its result', async () => {
    const seen: unknown[] = [];
    const outcome = await runFormCommand(schema, typed, async (input) => {
      seen.push(input);
      return { id: 'h1' };
    });
    expect(outcome).toEqual({ ok: true, result: { id: 'h1' } });
    expect(seen).toEqual([{ name: 'Ada' }]);
  });

  test('refuses an invalid form without running the command', async () => {
    let ran = false;
    const outcome = await runFormCommand(schema, formOf([['name', '  ']]), async () => {
      ran = true;
    });
    expect(outcome).toEqual({ ok: false, status: 400, fieldErrors: { name: 'Enter a name' }, values: { name: '  ' }, conflict: null });
    expect(ran).toBe(false);
  });

  test('turns ValidationFailed into field errors with everything typed', async () => {
    const outcome = await runFormCommand(schema, typed, () => Promise.reject(new ValidationFailed('No', { name: 'That name is taken' })));
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      fieldErrors: { name: 'That name is taken' },
      values: { intent: 'rename', name: ' Ada ', flags: 'a,b' },
      conflict: null,
    });
  });

  test('turns Conflict into a 409 carrying its message', async () => {
    const outcome = await runFormCommand(schema, typed, () => Promise.reject(new Conflict('This record changed while you were editing.')));
    expect(outcome).toEqual({
      ok: false,
      status: 409,
      fieldErrors: {},
      values: { intent: 'rename', name: ' Ada ', flags: 'a,b' },
      conflict: 'This record changed while you were editing.',
    });
  });

  test('throws any other error on', async () => {
    await expect(runFormCommand(schema, typed, () => Promise.reject(new Forbidden('Not yours')))).rejects.toThrow(Forbidden);
  });
});

describe('formFailure', () => {
  test('keeps the field errors, or gives a conflict as an error of the whole form', () => {
    expect(formFailure('rename', { status: 400, fieldErrors: { name: 'Enter a name' }, values: { name: '' }, conflict: null })).toEqual({
      form: 'rename',
      fieldErrors: { name: 'Enter a name' },
      values: { name: '' },
    });
    expect(formFailure('rename', { status: 409, fieldErrors: {}, values: { name: 'Ada' }, conflict: 'Reload' })).toEqual({
      form: 'rename',
      fieldErrors: { form: 'Reload' },
      values: { name: 'Ada' },
    });
  });
});

describe('failureOf', () => {
  const failure = { form: 'rename', fieldErrors: { name: 'Enter a name' }, values: { name: '' } };

  test('gives the errors and typed values to the form that was refused', () => {
    expect(failureOf('rename', failure)).toEqual({ errors: { name: 'Enter a name' }, values: { name: '' }, failed: true });
  });

  test('gives nothing to the page’s other forms, or when nothing was refused', () => {
    expect(failureOf('close', failure)).toEqual({ errors: {}, values: {}, failed: false });
    expect(failureOf('rename', undefined)).toEqual({ errors: {}, values: {}, failed: false });
  });
});
