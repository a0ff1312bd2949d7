import type { z } from 'zod';
import { formFailure, runFormCommand, type FormFailure } from '~/lib/form-commands';
import type { Viewer } from '~/modules/auth/viewer';
import {
  addSatellite,
  appointHubHome,
  closeConstellation,
  endMembership,
  logActivity,
  recordHubCarerResignation,
  setLiaisonWorker,
  startConstellation,
  type CommandOptions,
} from '~/modules/mockingbird/constellations.server';
import {
  addMemberSchema,
  appointHubHomeSchema,
  closeConstellationSchema,
  endMembershipSchema,
  hubCarerResignsSchema,
  logActivitySchema,
  setLiaisonSchema,
  startConstellationSchema,
} from '~/modules/mockingbird/schema';

// The Mockingbird pages' forms, by `intent`: parse with the form's schema, run one command, and turn a refusal into
// field errors for the page to show with what was typed (STYLE.md §5).

export type { FormFailure };
export type FormOutcome = { ok: true; done: string; id?: string } | { ok: false; status: 400 | 409; failure: FormFailure };

async function run<Schema extends z.ZodType>(
  form: string,
  schema: Schema,
  formData: FormData,
  command: (input: z.output<Schema>) => Promise<unknown>,
): Promise<FormOutcome> {
  const outcome = await runFormCommand(schema, formData, command);
  if (!outcome.ok) return { ok: false, status: outcome.status, failure: formFailure(form, outcome) };
  const { result } = outcome;
  const id = typeof result === 'object' && result !== null && 'id' in result && typeof result.id === 'string' ? result.id : undefined;
  return { ok: true, done: form, id };
}

export async function submitConstellationForm(viewer: Viewer, constellationId: string, formData: FormData, options: CommandOptions = {}): Promise<FormOutcome> {
  const intent = formData.get('intent');
  switch (intent) {
    case 'addSatellite':
      return run(intent, addMemberSchema, formData, (input) => addSatellite(viewer, constellationId, input, options));
    case 'appointHubHome':
      return run(intent, appointHubHomeSchema, formData, (input) => appointHubHome(viewer, constellationId, input, options));
    case 'endMembership':
      return run(intent, endMembershipSchema, formData, (input) => endMembership(viewer, constellationId, input, options));
    case 'logActivity':
      return run(intent, logActivitySchema, formData, (input) => logActivity(viewer, constellationId, input, options));
    case 'hubCarerResigns':
      return run(intent, hubCarerResignsSchema, formData, (input) => recordHubCarerResignation(viewer, constellationId, input, options));
    case 'setLiaison':
      return run(intent, setLiaisonSchema, formData, (input) => setLiaisonWorker(viewer, constellationId, input.liaisonWorkerId, options));
    case 'close':
      return run(intent, closeConstellationSchema, formData, (input) => closeConstellation(viewer, constellationId, input, options));
    default:
      return { ok: false, status: 400, failure: { form: 'unknown', fieldErrors: { form: 'Choose what to do' }, values: {} } };
  }
}

export async function submitStartConstellationForm(viewer: Viewer, formData: FormData, options: CommandOptions = {}): Promise<FormOutcome> {
  return run('start', startConstellationSchema, formData, (input) => startConstellation(viewer, input, options));
}
