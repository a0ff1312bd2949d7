import { z } from 'zod';
import { checkboxField, ukDateField } from '~/lib/forms';
import { formatDate, isValidUkPhone, parseDayMonthYear } from '~/lib/uk';

// The online application form (issue 5), as data: each section's questions, whether it is answered once per
// applicant or once for the household, and the Zod schema the server checks it with (STYLE.md §5). Pure, so the
// section page, check your answers and the tests all read one description.

export const MAX_ANSWER_LENGTH = 2000;
const MAX_SHORT_ANSWER_LENGTH = 200;

type Option = { value: string; label: string };

type BaseQuestion = { name: string; label: string; hint?: string };
export type Question =
  | (BaseQuestion & { kind: 'text' | 'email' | 'tel' | 'textarea'; required?: string })
  | (BaseQuestion & { kind: 'number'; required: string; min: number; max: number })
  | (BaseQuestion & { kind: 'date'; required: string })
  | (BaseQuestion & { kind: 'radios'; required: string; options: readonly Option[] })
  | (BaseQuestion & { kind: 'checkboxes'; required: string; options: readonly Option[] })
  | (BaseQuestion & { kind: 'consent'; required: string });

export type SectionScope = 'personal' | 'household';

export type Section = {
  id: string;
  title: string;
  /** Personal sections are answered by each applicant; household ones once for everybody. */
  scope: SectionScope;
  questions: readonly Question[];
};

const YES_NO: readonly Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function referee(number: 1 | 2, ordinal: string): Question[] {
  return [
    { name: `referee${number}Name`, label: `${ordinal} referee’s full name`, kind: 'text', required: `Enter the ${ordinal.toLowerCase()} referee’s full name` },
    { name: `referee${number}Relationship`, label: `How does your ${ordinal.toLowerCase()} referee know you?`, kind: 'text', required: `Enter how your ${ordinal.toLowerCase()} referee knows you` },
    { name: `referee${number}Email`, label: `${ordinal} referee’s email address`, kind: 'email', required: `Enter the ${ordinal.toLowerCase()} referee’s email address` },
    { name: `referee${number}Phone`, label: `${ordinal} referee’s phone number`, kind: 'tel', required: `Enter the ${ordinal.toLowerCase()} referee’s phone number` },
  ];
}

export const SECTIONS: readonly Section[] = [
  {
    id: 'about-you',
    title: 'About you',
    scope: 'personal',
    questions: [
      { name: 'firstName', label: 'First name', kind: 'text', required: 'Enter your first name' },
      { name: 'lastName', label: 'Last name', kind: 'text', required: 'Enter your last name' },
      { name: 'otherNames', label: 'Any other names you have been known by (optional)', kind: 'text' },
      { name: 'dateOfBirth', label: 'Date of birth', hint: 'For example, 27 3 1985', kind: 'date', required: 'Enter your date of birth' },
      { name: 'phone', label: 'Phone number', kind: 'tel', required: 'Enter your phone number' },
      {
        name: 'nationalInsuranceNumber',
        label: 'National Insurance number (optional)',
        hint: 'It’s on your National Insurance card, payslip or P60. For example, QQ 12 34 56 C.',
        kind: 'text',
      },
    ],
  },
  {
    id: 'household',
    title: 'Your household and other adults',
    scope: 'household',
    questions: [
      { name: 'hasPartner', label: 'Do you have a partner who lives with you?', kind: 'radios', required: 'Select yes if you have a partner who lives with you', options: YES_NO },
      { name: 'partnerName', label: 'Your partner’s full name', hint: 'Leave blank if you do not have a partner who lives with you', kind: 'text' },
      { name: 'otherAdults', label: 'Other adults who live with you (optional)', hint: 'Their names, ages and how they are related to you', kind: 'textarea' },
    ],
  },
  {
    id: 'home',
    title: 'Your home',
    scope: 'household',
    questions: [
      { name: 'spareBedrooms', label: 'How many spare bedrooms do you have?', kind: 'number', required: 'Enter how many spare bedrooms you have', min: 0, max: 20 },
      {
        name: 'tenure',
        label: 'Do you own or rent your home?',
        kind: 'radios',
        required: 'Select whether you own or rent your home',
        options: [
          { value: 'own', label: 'We own it (with or without a mortgage)' },
          { value: 'rentSocial', label: 'We rent it from the council or a housing association' },
          { value: 'rentPrivate', label: 'We rent it privately' },
          { value: 'other', label: 'Something else' },
        ],
      },
      { name: 'pets', label: 'Tell us about any pets (optional)', hint: 'What they are and how many', kind: 'textarea' },
    ],
  },
  {
    id: 'children',
    title: 'Children in the family',
    scope: 'household',
    questions: [
      { name: 'hasChildren', label: 'Do you have any children, living with you or not?', kind: 'radios', required: 'Select yes if you have any children', options: YES_NO },
      { name: 'childrenDetails', label: 'Your children', hint: 'Their first names, ages and whether they live with you', kind: 'textarea' },
    ],
  },
  {
    id: 'employment',
    title: 'Employment',
    scope: 'personal',
    questions: [
      {
        name: 'employmentStatus',
        label: 'What is your work situation?',
        kind: 'radios',
        required: 'Select your work situation',
        options: [
          { value: 'fullTime', label: 'Employed full time' },
          { value: 'partTime', label: 'Employed part time' },
          { value: 'selfEmployed', label: 'Self-employed' },
          { value: 'notWorking', label: 'Not working' },
          { value: 'retired', label: 'Retired' },
          { value: 'student', label: 'Studying' },
        ],
      },
      { name: 'employer', label: 'Employer and job title (optional)', kind: 'text' },
      { name: 'workPattern', label: 'Your working hours (optional)', hint: 'For example, whether you work shifts or from home', kind: 'textarea' },
    ],
  },
  {
    id: 'health',
    title: 'Health',
    scope: 'personal',
    questions: [
      {
        name: 'healthAffectsCaring',
        label: 'Is there anything about your health that might affect your ability to care for a child?',
        hint: 'A medical with your GP is part of the assessment, so you do not need to give medical details here',
        kind: 'radios',
        required: 'Select yes if anything about your health might affect your ability to care for a child',
        options: YES_NO,
      },
      { name: 'healthNote', label: 'Anything you would like us to know (optional)', kind: 'textarea' },
    ],
  },
  {
    id: 'previous-fostering',
    title: 'Previous fostering or adoption',
    scope: 'household',
    questions: [
      { name: 'fosteredBefore', label: 'Have you fostered, adopted or applied to do either before?', kind: 'radios', required: 'Select yes if you have fostered, adopted or applied before', options: YES_NO },
      { name: 'previousDetails', label: 'Tell us about it', hint: 'Which fostering service or agency, and when', kind: 'textarea' },
    ],
  },
  {
    id: 'references',
    title: 'References',
    scope: 'household',
    questions: [
      ...referee(1, 'First'),
      ...referee(2, 'Second'),
      {
        name: 'exPartners',
        label: 'Former partners (optional)',
        hint: 'If you lived with or had children with a former partner, give their name and contact details. We may contact them as part of the checks.',
        kind: 'textarea',
      },
    ],
  },
  {
    id: 'checks-consent',
    title: 'Checks consent',
    scope: 'personal',
    questions: [
      { name: 'consentDbs', label: 'I agree to an enhanced DBS check', kind: 'consent', required: 'Confirm that you agree to an enhanced DBS check' },
      { name: 'consentLocalAuthority', label: 'I agree to checks with local authorities where I have lived', kind: 'consent', required: 'Confirm that you agree to local authority checks' },
      { name: 'consentMedical', label: 'I agree to a medical and for my GP to share a report', kind: 'consent', required: 'Confirm that you agree to a medical' },
    ],
  },
  {
    id: 'training-availability',
    title: 'Training and availability',
    scope: 'household',
    questions: [
      {
        name: 'trainingTimes',
        label: 'When could you go to preparation training?',
        hint: 'Select all that apply',
        kind: 'checkboxes',
        required: 'Select when you could go to preparation training',
        options: [
          { value: 'weekdayDaytime', label: 'Weekday daytimes' },
          { value: 'weekdayEvening', label: 'Weekday evenings' },
          { value: 'weekend', label: 'Weekends' },
        ],
      },
      { name: 'availabilityNotes', label: 'Anything else about when you are available (optional)', kind: 'textarea' },
    ],
  },
];

export function findSection(id: string): Section | undefined {
  return SECTIONS.find((section) => section.id === id);
}

// ---------------------------------------------------------------- schemas

// Shape only: HMRC, not us, decides whether a number was ever issued.
const NATIONAL_INSURANCE = /^[A-Z]{2}\d{6}[A-D]$/;
// Fostering services do not approve carers under 21; an age over 90 is almost always a mistyped year.
const MIN_APPLICANT_AGE = 21;
const MAX_APPLICANT_AGE = 90;

const tooLong = (label: string, max: number) => `${stripOptional(label)} must be ${max.toLocaleString('en-GB')} characters or fewer`;
const stripOptional = (label: string) => label.replace(/ \(optional\)$/, '');

function textSchema(question: Extract<Question, { kind: 'text' | 'email' | 'tel' | 'textarea' }>) {
  const max = question.kind === 'textarea' ? MAX_ANSWER_LENGTH : MAX_SHORT_ANSWER_LENGTH;
  let text = z.string().trim().max(max, tooLong(question.label, max));
  if (question.required) text = text.min(1, question.required);
  const checked = text.refine((value) => value === '' || isWellFormed(question.kind, value), wellFormedMessage(question));
  return z.preprocess((value) => value ?? '', checked);
}

function isWellFormed(kind: Question['kind'], value: string) {
  if (kind === 'email') return z.email().safeParse(value).success;
  if (kind === 'tel') return isValidUkPhone(value);
  return true;
}

function wellFormedMessage(question: Question) {
  if (question.kind === 'email') return 'Enter an email address in the correct format, like name@example.com';
  if (question.kind === 'tel') return 'Enter a phone number, like 01632 960 001 or 07700 900 982';
  return 'Check this answer';
}

/** Whole years between a date of birth and today, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

function questionSchema(question: Question, today: string): z.ZodType {
  switch (question.kind) {
    case 'text':
    case 'email':
    case 'tel':
    case 'textarea':
      return textSchema(question);
    case 'number':
      return z.preprocess(
        (value) => (typeof value === 'string' ? value.trim() : ''),
        z
          .string()
          .min(1, question.required)
          .regex(/^\d{1,3}$/, `${question.label.replace(/\?$/, '')}: enter a whole number, like 1`)
          .refine((value) => Number(value) >= question.min && Number(value) <= question.max, `Enter a number from ${question.min} to ${question.max}`),
      );
    case 'date':
      return ukDateField({ required: question.required, invalid: 'Date of birth must be a real date' })
        .refine((date) => date < today, 'Date of birth must be in the past')
        .refine((date) => date >= today || ageOn(date, today) >= MIN_APPLICANT_AGE, `You must be ${MIN_APPLICANT_AGE} or older to apply to foster`)
        .refine((date) => ageOn(date, today) <= MAX_APPLICANT_AGE, 'Check the year of your date of birth');
    case 'radios':
      return z.enum(question.options.map((option) => option.value) as [string, ...string[]], { error: question.required });
    case 'checkboxes':
      return checkboxField(z.enum(question.options.map((option) => option.value) as [string, ...string[]], { error: question.required })).refine(
        (values) => values.length > 0,
        question.required,
      );
    case 'consent':
      return z.literal('yes', { error: question.required });
    default:
      return assertNever(question);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected question: ${JSON.stringify(value)}`);
}

/** Rules that join two answers: a "yes" needs its details. */
const CROSS_CHECKS: Record<string, { when: string; equals: string; then: string; message: string }[]> = {
  household: [{ when: 'hasPartner', equals: 'yes', then: 'partnerName', message: 'Enter your partner’s full name' }],
  children: [{ when: 'hasChildren', equals: 'yes', then: 'childrenDetails', message: 'Tell us about your children' }],
  'previous-fostering': [{ when: 'fosteredBefore', equals: 'yes', then: 'previousDetails', message: 'Tell us about your previous fostering or adoption' }],
};

/** The server's check of one section. `today` ('YYYY-MM-DD', London) decides what counts as the future. */
export function sectionSchema(section: Section, { today }: { today: string }) {
  const shape: Record<string, z.ZodType> = {};
  for (const question of section.questions) shape[question.name] = questionSchema(question, today);
  const national = section.questions.find((question) => question.name === 'nationalInsuranceNumber');
  if (national) {
    shape.nationalInsuranceNumber = z.preprocess(
      (value) => (typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : ''),
      z.string().refine((value) => value === '' || NATIONAL_INSURANCE.test(value), 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C'),
    );
  }
  return z.object(shape).superRefine((answers, ctx) => {
    for (const rule of CROSS_CHECKS[section.id] ?? []) {
      if (answers[rule.when] === rule.equals && !answers[rule.then]) {
        ctx.addIssue({ code: 'custom', path: [rule.then], message: rule.message });
      }
    }
  });
}

// ---------------------------------------------------------------- answers as stored and shown

/** What is stored for a section: the strings as typed, keyed by input name (date parts as `<name>-day` …). */
export type SectionAnswers = Record<string, string>;

/** The input names a section's form sends, so nothing else a request carries is ever stored. */
export function inputNamesOf(section: Section): string[] {
  return section.questions.flatMap((question) =>
    question.kind === 'date' ? [`${question.name}-day`, `${question.name}-month`, `${question.name}-year`] : [question.name],
  );
}

/** An answer in words, for check your answers and the submitted copy. */
export function displayAnswer(question: Question, answers: SectionAnswers): string {
  const labelOf = (options: readonly Option[], value: string) => options.find((option) => option.value === value)?.label ?? value;
  switch (question.kind) {
    case 'date': {
      const date = parseDayMonthYear(answers[`${question.name}-day`] ?? '', answers[`${question.name}-month`] ?? '', answers[`${question.name}-year`] ?? '');
      return date ? formatDate(date) : 'Not answered';
    }
    case 'radios':
      return answers[question.name] ? labelOf(question.options, answers[question.name]) : 'Not answered';
    case 'checkboxes': {
      const ticked = (answers[question.name] ?? '').split(',').filter(Boolean);
      return ticked.length > 0 ? ticked.map((value) => labelOf(question.options, value)).join(', ') : 'Not answered';
    }
    case 'consent':
      return answers[question.name] === 'yes' ? 'Yes, I agree' : 'Not answered';
    default:
      return answers[question.name]?.trim() ? answers[question.name] : 'Not answered';
  }
}
