import { parseDayMonthYear } from '~/lib/uk';
import { APPROVAL_SPECIALISMS, APPROVAL_TYPES, PLACEMENT_KINDS } from '~/modules/codes/approval';
import { closureReasonLabel, OFSTED_AW_CODES, PERSONS_CHOICE_REASONS } from '~/modules/codes/closure-reasons';
import { CONTACT_CHANNELS, FAILED_CONTACT_OUTCOMES } from '~/modules/households/casework';
import { CLOSE_EVENT_CODES, eventSchemaFor, payloadFieldNames, PIPELINE_EVENT_SCHEMAS, type PayloadFacts, type PipelineEventType } from './events';

// The case page's form for each pipeline event (STYLE.md §3.3): which inputs it shows, and how a posted form becomes
// the raw event that applyPipelineEvent parses. Dates come from GOV.UK day / month / year inputs. This file checks
// only what the inputs themselves can get wrong (a date that is not a date, a number that is not a number, a choice
// not offered); the event's schema in the writer stays the judge of everything else.

export type EventFormOption = { value: string; label: string };

type Described = { name: string; label: string; hint?: string };
export type EventFormField =
  | (Described & { kind: 'date'; optional: boolean; requiredMessage: string; invalidMessage: string })
  | (Described & { kind: 'text' | 'textarea' | 'lines'; optional: boolean })
  | (Described & { kind: 'select' | 'radios'; optional: boolean; options: EventFormOption[]; defaultValue?: string; requiredMessage: string })
  | (Described & { kind: 'checkboxes'; optional: boolean; options: EventFormOption[]; requiredMessage: string })
  | (Described & { kind: 'number'; min: number; max: number; requiredMessage: string; rangeMessage: string });

export type EventFormContext = {
  facts: PayloadFacts;
  /** Every council, for the allocation and reallocation choices. */
  councils: readonly EventFormOption[];
  allocatedCouncilId: string | null;
};

export type ParsedEventForm =
  | { ok: true; event: Record<string, unknown>; values: Record<string, string> }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

const DATE_FIELDS: Record<string, { label: string; required: string; invalid: string }> = {
  occurredOn: { label: 'Date it happened', required: 'Enter the date it happened', invalid: 'The date it happened must be a real date' },
  visitOn: { label: 'Date of the initial visit', required: 'Enter the date of the initial visit', invalid: 'The date of the initial visit must be a real date' },
  letterOn: { label: 'Date of the letter', required: 'Enter the date of the letter', invalid: 'The date of the letter must be a real date' },
  panelOn: { label: 'Date of the panel', required: 'Enter the date of the panel', invalid: 'The date of the panel must be a real date' },
  nextPanelOn: { label: 'Date of the next panel', required: 'Enter the date of the next panel', invalid: 'The date of the next panel must be a real date' },
  expectedResumeOn: {
    label: 'Date you expect to take the case off hold',
    required: 'Enter the date you expect to take the case off hold',
    invalid: 'The date you expect to take the case off hold must be a real date',
  },
  extensionEndsOn: { label: 'Date the extension ends', required: 'Enter the date the extension ends', invalid: 'The date the extension ends must be a real date' },
  resignationNoticeOn: {
    label: 'Date they gave notice to the previous fostering service (if known)',
    required: 'Enter the date they gave notice to the previous fostering service',
    invalid: 'The date they gave notice must be a real date',
  },
};

const DATE_HINT = 'For example, 27 3 2026';

const optionsOf = (list: readonly { code: string; label: string }[]): EventFormOption[] =>
  list.map((entry) => ({ value: entry.code, label: entry.label }));

function isOptional(type: PipelineEventType, name: string): boolean {
  const shape: Record<string, { safeParse: (value: unknown) => { success: boolean } }> = PIPELINE_EVENT_SCHEMAS[type].shape;
  return shape[name].safeParse(undefined).success;
}

/** The closure reasons this household's stage accepts, asked of the event's own schema so no list is repeated here. */
function closeReasonOptions(facts: PayloadFacts): EventFormOption[] {
  const schema = eventSchemaFor('CLOSE', facts);
  return CLOSE_EVENT_CODES.filter(
    (code) =>
      schema.safeParse({ type: 'CLOSE', occurredOn: '2000-01-01', reasonCode: code, reason: 'probe', signpostedTo: 'probe' }).success,
  ).map((code) => ({ value: code, label: closureReasonLabel(code) }));
}

/** Ofsted AW codes: asked for only when the schema wants one (after an application), and then required. */
function awCodeWanted(facts: PayloadFacts): boolean {
  const probe = { type: 'WITHDRAW', occurredOn: '2000-01-01', reasonCode: PERSONS_CHOICE_REASONS[0].code, awCode: OFSTED_AW_CODES[0].code };
  return eventSchemaFor('WITHDRAW', facts).safeParse(probe).success;
}

function approvalTermsFields(facts: PayloadFacts): EventFormField[] {
  const kinship = facts.route === 'kinship';
  return [
    {
      kind: 'select',
      name: 'terms.approvalType',
      label: 'Type of approval',
      optional: false,
      options: optionsOf(APPROVAL_TYPES),
      defaultValue: kinship ? 'kinship' : 'mainstream',
      requiredMessage: 'Choose the type of approval',
    },
    {
      kind: 'number',
      name: 'terms.numberOfChildren',
      label: 'Number of children',
      hint: 'Usually no more than 3, unless they are brothers and sisters',
      min: 1,
      max: 6,
      requiredMessage: 'Enter the number of children as a whole number, like 2',
      rangeMessage: 'The number of children must be between 1 and 6',
    },
    {
      kind: 'number',
      name: 'terms.minAge',
      label: 'Youngest age',
      min: 0,
      max: 18,
      requiredMessage: 'Enter the youngest age as a whole number, like 0',
      rangeMessage: 'The youngest age must be between 0 and 18',
    },
    {
      kind: 'number',
      name: 'terms.maxAge',
      label: 'Oldest age',
      min: 0,
      max: 18,
      requiredMessage: 'Enter the oldest age as a whole number, like 18',
      rangeMessage: 'The oldest age must be between 0 and 18',
    },
    {
      kind: 'checkboxes',
      name: 'terms.placementKinds',
      label: 'Kinds of placement',
      hint: 'Select all that apply',
      optional: false,
      options: optionsOf(PLACEMENT_KINDS),
      requiredMessage: 'Choose at least one kind of placement',
    },
    {
      kind: 'checkboxes',
      name: 'terms.specialisms',
      label: 'Specialisms (optional)',
      optional: true,
      options: optionsOf(APPROVAL_SPECIALISMS),
      requiredMessage: 'Choose a specialism',
    },
    ...(kinship
      ? [{ kind: 'lines', name: 'terms.namedChildren', label: 'Named children', hint: "The council's child reference for each child, one a line", optional: false } as const]
      : []),
  ];
}

/** The inputs below that offer `context.councils`. */
const COUNCIL_CHOICE_FIELDS: ReadonlySet<string> = new Set(['councilId', 'toCouncilId']);

/** Whether an event's form offers a choice of council, so its context needs the list of councils. */
export function asksForCouncil(type: PipelineEventType): boolean {
  return payloadFieldNames(type).some((name) => COUNCIL_CHOICE_FIELDS.has(name));
}

function fieldsFor(type: PipelineEventType, name: string, context: EventFormContext): EventFormField[] {
  const optional = isOptional(type, name);
  const date = DATE_FIELDS[name];
  if (date) {
    return [{ kind: 'date', name, label: date.label, hint: DATE_HINT, optional, requiredMessage: date.required, invalidMessage: date.invalid }];
  }
  switch (name) {
    case 'reason':
      return [{
        kind: 'textarea',
        name,
        label: optional ? 'Reasons (optional)' : 'Reason',
        hint: type === 'CLOSE' ? 'Needed if they were counselled out or not progressed' : undefined,
        optional,
      }];
    case 'signpostedTo':
      return [{ kind: 'text', name, label: 'Where they were signposted (optional)', hint: 'Needed if they live outside the area', optional }];
    case 'reasonCode':
      return [{
        kind: 'select',
        name,
        label: type === 'WITHDRAW' ? 'Why they withdrew' : 'Why the case is closing',
        optional,
        options: type === 'WITHDRAW' ? optionsOf(PERSONS_CHOICE_REASONS) : closeReasonOptions(context.facts),
        requiredMessage: 'Choose a reason',
      }];
    case 'awCode':
      return awCodeWanted(context.facts)
        ? [{
            kind: 'select',
            name,
            label: 'Ofsted withdrawal reason',
            hint: 'The code Ofsted uses for withdrawn applications',
            optional: false,
            options: optionsOf(OFSTED_AW_CODES).map((option) => ({ ...option, label: `${option.value}: ${option.label}` })),
            requiredMessage: 'Choose the Ofsted withdrawal reason',
          }]
        : [];
    case 'councilId':
      return [{ kind: 'select', name, label: 'Council', optional, options: [...context.councils], requiredMessage: 'Choose a council' }];
    case 'toCouncilId':
      return [{
        kind: 'select',
        name,
        label: 'Council to move the case to',
        optional,
        options: context.councils.filter((council) => council.value !== context.allocatedCouncilId),
        requiredMessage: 'Choose a council',
      }];
    case 'recommendation':
      return [{
        kind: 'radios',
        name,
        label: 'What did the panel recommend?',
        optional,
        options: [
          { value: 'approve', label: 'Approve' },
          { value: 'notApprove', label: 'Do not approve' },
        ],
        requiredMessage: 'Choose what the panel recommended',
      }];
    case 'previousProviderKind':
      return [{
        kind: 'radios',
        name,
        label: 'Previous fostering service',
        optional,
        options: [
          { value: 'independentAgency', label: 'An independent fostering agency' },
          { value: 'otherCouncil', label: 'Another council' },
        ],
        requiredMessage: 'Choose the kind of previous fostering service',
      }];
    case 'previousProviderName':
      return [{ kind: 'text', name, label: 'Name of the previous fostering service', optional }];
    case 'receivingServiceKind':
      return [{
        kind: 'radios',
        name,
        label: 'Fostering service taking the case on',
        optional,
        options: [
          { value: 'otherCouncil', label: 'Another council' },
          { value: 'independentAgency', label: 'An independent fostering agency' },
        ],
        requiredMessage: 'Choose the kind of fostering service',
      }];
    case 'receivingServiceName':
      return [{ kind: 'text', name, label: 'Name of the council or agency', optional }];
    case 'terms':
      return approvalTermsFields(context.facts);
    // A failed attempt must say how and what happened (liveEventProblems); first contact may say how.
    case 'channel':
      return [{
        kind: 'select',
        name,
        label: type === 'CONTACT_MADE' ? 'How you made contact (optional)' : 'How you tried to make contact',
        optional: type === 'CONTACT_MADE',
        options: optionsOf(CONTACT_CHANNELS),
        requiredMessage: 'Choose how you tried to make contact',
      }];
    case 'outcome':
      return [{ kind: 'radios', name, label: 'What happened', optional: false, options: optionsOf(FAILED_CONTACT_OUTCOMES), requiredMessage: 'Choose what happened' }];
    case 'summary':
      return [{ kind: 'textarea', name, label: 'Summary (optional)', optional: true }];
    default:
      throw new Error(`The case page has no input for ${type}.${name}`);
  }
}

/** The inputs of an event's form, in order: the date it happened first, then what the event's schema asks for. */
export function eventFormFields(type: PipelineEventType, context: EventFormContext): EventFormField[] {
  const occurredOn = DATE_FIELDS.occurredOn;
  return [
    {
      kind: 'date',
      name: 'occurredOn',
      label: occurredOn.label,
      hint: DATE_HINT,
      optional: false,
      requiredMessage: occurredOn.required,
      invalidMessage: occurredOn.invalid,
    },
    ...payloadFieldNames(type).flatMap((name) => fieldsFor(type, name, context)),
  ];
}

// ---------------------------------------------------------------- reading a posted form

function stringsOf(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((entry): entry is string => typeof entry === 'string');
}

function firstString(formData: FormData, name: string): string {
  return stringsOf(formData, name)[0]?.trim() ?? '';
}

/** What the person typed, by input name, so a re-rendered form keeps it; repeated names are comma-joined. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of new Set(formData.keys())) values[name] = stringsOf(formData, name).join(',');
  return values;
}

type Read = { value?: unknown; error?: string };

function readField(field: EventFormField, formData: FormData): Read {
  switch (field.kind) {
    case 'date': {
      const [day, month, year] = ['day', 'month', 'year'].map((part) => firstString(formData, `${field.name}-${part}`));
      if (!day && !month && !year) return field.optional ? {} : { error: field.requiredMessage };
      const date = parseDayMonthYear(day, month, year);
      return date ? { value: date } : { error: field.invalidMessage };
    }
    case 'text':
    case 'textarea': {
      const text = firstString(formData, field.name);
      // A required field goes to the schema empty, so its own message ("Enter a reason") is the one shown.
      return text || !field.optional ? { value: text } : {};
    }
    case 'lines':
      return { value: firstString(formData, field.name).split(/\r?\n/).map((line) => line.trim()).filter(Boolean) };
    case 'select':
    case 'radios': {
      const choice = firstString(formData, field.name);
      if (!choice && field.optional) return {};
      return field.options.some((option) => option.value === choice) ? { value: choice } : { error: field.requiredMessage };
    }
    case 'checkboxes': {
      const chosen = stringsOf(formData, field.name);
      if (chosen.some((choice) => !field.options.some((option) => option.value === choice))) return { error: field.requiredMessage };
      if (chosen.length === 0 && !field.optional) return { error: field.requiredMessage };
      return { value: chosen };
    }
    case 'number': {
      const text = firstString(formData, field.name);
      if (!/^\d{1,3}$/.test(text)) return { error: field.requiredMessage };
      const number = Number(text);
      return number < field.min || number > field.max ? { error: field.rangeMessage } : { value: number };
    }
  }
}

/** 'terms.minAge' → event.terms.minAge. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = (target[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest.join('.'), value);
}

/** The raw event for applyPipelineEvent, or the input errors keyed by input name ('terms.maxAge'). */
export function eventFromForm(type: PipelineEventType, formData: FormData, context: EventFormContext): ParsedEventForm {
  const values = formValues(formData);
  const fieldErrors: Record<string, string> = {};
  const event: Record<string, unknown> = { type };
  for (const field of eventFormFields(type, context)) {
    const read = readField(field, formData);
    if (read.error) fieldErrors[field.name] = read.error;
    else if (read.value !== undefined) setPath(event, field.name, read.value);
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors, values } : { ok: true, event, values };
}
