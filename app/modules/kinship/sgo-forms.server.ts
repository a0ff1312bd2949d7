import type { z } from 'zod';
import { formFailure, runFormCommand, type FormFailure } from '~/lib/form-commands';
import type { Viewer } from '~/modules/auth/viewer';
import { openSgoCaseSchema, sgoContactSchema, updateSgoCaseSchema } from '~/modules/kinship/schema';
import { logSgoContact, openSgoCase, updateSgoCase, type SgoCommandOptions } from '~/modules/kinship/sgo-cases.server';

// The SGO support pages' forms: parse, one command, refusals as field errors with what was typed (STYLE.md §5).

export type SgoFormFailure = FormFailure;
export type SgoFormOutcome = { ok: true; done: string; id: string | null } | { ok: false; status: 400 | 409; failure: SgoFormFailure };

async function run<Schema extends z.ZodType>(
  form: string,
  schema: Schema,
  formData: FormData,
  command: (input: z.output<Schema>) => Promise<{ id: string } | void>,
): Promise<SgoFormOutcome> {
  const outcome = await runFormCommand(schema, formData, command);
  if (!outcome.ok) return { ok: false, status: outcome.status, failure: formFailure(form, outcome) };
  return { ok: true, done: form, id: outcome.result ? outcome.result.id : null };
}

export function submitOpenSgoCaseForm(viewer: Viewer, formData: FormData, options: SgoCommandOptions = {}) {
  return run('open', openSgoCaseSchema, formData, (input) => openSgoCase(viewer, input, options));
}

export function submitSgoCaseForm(viewer: Viewer, caseId: string, formData: FormData, options: SgoCommandOptions = {}): Promise<SgoFormOutcome> {
  switch (formData.get('intent')) {
    case 'update':
      return run('update', updateSgoCaseSchema, formData, (input) => updateSgoCase(viewer, caseId, input, options));
    case 'contact':
      return run('contact', sgoContactSchema, formData, (input) => logSgoContact(viewer, caseId, input, options));
    default:
      return Promise.resolve({ ok: false, status: 400, failure: { form: 'unknown', fieldErrors: { form: 'Choose what to do' }, values: {} } });
  }
}
