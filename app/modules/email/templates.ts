import { render } from '@react-email/render';
import { createElement, type ReactElement } from 'react';
import type { z } from 'zod';
import * as applicantMagicLink from '~emails/applicant-magic-link';
import * as applicationReceived from '~emails/application-received';
import * as decisionLetter from '~emails/decision-letter';
import * as enquiryReceived from '~emails/enquiry-received';
import * as hubApplicationReceived from '~emails/hub-application-received';
import * as hubNewEnquiry from '~emails/hub-new-enquiry';
import * as initialVisitConfirmation from '~emails/initial-visit-confirmation';
import * as invitationToApply from '~emails/invitation-to-apply';
import * as jointApplicantInvitation from '~emails/joint-applicant-invitation';
import * as panelDate from '~emails/panel-date';
import * as passwordReset from '~emails/password-reset';
import * as referenceReminder from '~emails/reference-reminder';
import * as referenceRequest from '~emails/reference-request';
import * as staffInvitation from '~emails/staff-invitation';
import * as stageChanged from '~emails/stage-changed';
import * as withdrawalConfirmation from '~emails/withdrawal-confirmation';
import * as workerDigest from '~emails/worker-digest';

type TemplateModule<Props extends object> = {
  default: (props: Props) => ReactElement;
  schema: z.ZodType<Props>;
  subject: (props: Props) => string;
  PreviewProps: Props;
};

function defineTemplate<Props extends object>(module: TemplateModule<Props>) {
  return {
    component: module.default,
    schema: module.schema,
    subject: module.subject,
    previewProps: module.PreviewProps,
    /** Validates props and builds the message; kept here so callers never need the template's own Props type. */
    compose(props: unknown) {
      const result = module.schema.safeParse(props);
      if (!result.success) {
        // Paths and messages only: the rejected values may be personal data and must not reach a log.
        const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'props'}: ${issue.message}`);
        throw new InvalidEmailProps(problems);
      }
      return { props: result.data, subject: module.subject(result.data), element: createElement(module.default, result.data) };
    },
  };
}

export class InvalidEmailProps extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid email props (${problems.join('; ')})`);
    this.name = 'InvalidEmailProps';
  }
}

export const EMAIL_TEMPLATES = {
  'staff-invitation': defineTemplate(staffInvitation),
  'password-reset': defineTemplate(passwordReset),
  'applicant-magic-link': defineTemplate(applicantMagicLink),
  'enquiry-received': defineTemplate(enquiryReceived),
  'hub-new-enquiry': defineTemplate(hubNewEnquiry),
  'hub-application-received': defineTemplate(hubApplicationReceived),
  'initial-visit-confirmation': defineTemplate(initialVisitConfirmation),
  'invitation-to-apply': defineTemplate(invitationToApply),
  'joint-applicant-invitation': defineTemplate(jointApplicantInvitation),
  'application-received': defineTemplate(applicationReceived),
  'stage-changed': defineTemplate(stageChanged),
  'panel-date': defineTemplate(panelDate),
  'decision-letter': defineTemplate(decisionLetter),
  'withdrawal-confirmation': defineTemplate(withdrawalConfirmation),
  'worker-digest': defineTemplate(workerDigest),
  'reference-request': defineTemplate(referenceRequest),
  'reference-reminder': defineTemplate(referenceReminder),
};

export type EmailTemplate = keyof typeof EMAIL_TEMPLATES;
export type EmailProps<T extends EmailTemplate> = z.input<(typeof EMAIL_TEMPLATES)[T]['schema']>;

export const EMAIL_TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as EmailTemplate[];

export function isEmailTemplate(value: string): value is EmailTemplate {
  return Object.hasOwn(EMAIL_TEMPLATES, value);
}

/** Validates the props with the template's schema (throws InvalidEmailProps) and returns them as stored. */
export function validateEmailProps<T extends EmailTemplate>(template: T, props: EmailProps<T>) {
  return EMAIL_TEMPLATES[template].compose(props).props;
}

export async function renderEmail<T extends EmailTemplate>(template: T, props: EmailProps<T>) {
  return renderStoredEmail(template, props);
}

/** For props read back from the outbox, whose type the database cannot vouch for: the schema checks them again. */
export async function renderStoredEmail(template: EmailTemplate, props: unknown) {
  const { subject, element } = EMAIL_TEMPLATES[template].compose(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
