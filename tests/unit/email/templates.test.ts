import { describe, expect, it } from 'vitest';
import { EMAIL_TEMPLATES, EMAIL_TEMPLATE_NAMES, InvalidEmailProps, renderEmail, renderStoredEmail } from '~/modules/email/templates';

// Each template's PreviewProps, rendered for real, and a phrase a reader must find in both the HTML and the text.
const KEY_PHRASES: Record<string, string[]> = {
  'staff-invitation': ['Set your password', 'http://localhost:3000/set-password?token=preview-token', 'expires in 72 hours'],
  'password-reset': ['Choose a new password', 'expires in 60 minutes and works once'],
  'applicant-magic-link': ['Sign in to your application', 'expires in 15 minutes and works once'],
  'enquiry-received': ['Dear Sam', 'ENQ-2026-000123', 'within one working day'],
  'hub-new-enquiry': ['ENQ-2026-000123', '2 April 2026', 'Open the enquiry'],
  'hub-application-received': ['FFEM-2026-000123', 'sent their online application on 2 April 2026', 'Open the case'],
  'invitation-to-apply': ['invite you to apply', 'http://localhost:3000/apply'],
  'joint-applicant-invitation': ['Dear Sam', 'Jo Bloggs has started an application', 'expires in 7 days', 'http://localhost:3000/apply/sign-in'],
  'stage-changed': ['moved on to a new stage: Assessment stage 2'],
  'initial-visit-confirmation': ['Dear Sam', 'Your initial visit is booked for Tuesday 14 April 2026'],
  'application-received': ['received your application on 10 February 2026', 'What happens next: we will pass your application to one of the four councils'],
  'panel-date': ['go to the fostering panel on Thursday 2 July 2026', 'you may bring a supporter'],
  'decision-letter': ['on 12 August 2026 the council approved you as a foster carer', 'approval is for up to 2 children aged 0 to 10'],
  'withdrawal-confirmation': ['We are sorry to see you go', 'you can come back to us at any time'],
  'reference-request': ['Dear Pat Jones', 'Sam Okafor has applied to become a foster carer with Derby City Council', 'alex.worker@derby.example by 17 April 2026'],
  'reference-reminder': ['We have not heard from you yet', 'alex.worker@derby.example by 17 April 2026'],
  'worker-digest': ['Due soon (1)', 'FFEM-000110: due 14 April 2026', 'FFEM-000101: due 7 April 2026', 'FFEM-000102: due 9 April 2026', 'FFEM-000087: due 20 March 2026'],
};

describe('email templates', () => {
  it('has a key phrase for every registered template', () => {
    expect(Object.keys(KEY_PHRASES).sort()).toEqual([...EMAIL_TEMPLATE_NAMES].sort());
  });

  for (const template of EMAIL_TEMPLATE_NAMES) {
    it(`${template} renders its PreviewProps to HTML and plain text`, async () => {
      const { subject, html, text } = await renderStoredEmail(template, EMAIL_TEMPLATES[template].previewProps);
      expect(subject.length).toBeGreaterThan(0);
      expect(html).toMatch(/<html[^>]* lang="en-GB"/);
      expect(html).toContain('Foster for East Midlands');
      expect(text).toContain('Foster for East Midlands');
      expect(text).not.toContain('<');
      for (const phrase of KEY_PHRASES[template]) {
        expect(html.replace(/<!-- -->/g, '').replace(/&amp;/g, '&')).toContain(phrase);
        expect(text).toContain(phrase);
      }
    });
  }

  it('keeps names and contact details out of subjects', async () => {
    const { subject } = await renderEmail('enquiry-received', { firstName: 'Sam', reference: 'ENQ-2026-000123' });
    expect(subject).toBe('We have received your enquiry about fostering');
    const staff = await renderEmail('staff-invitation', {
      name: 'Jo Example',
      roleLabel: 'Hub manager',
      setPasswordUrl: 'https://crm.example/set-password?token=t',
      expiresInHours: 72,
    });
    expect(staff.subject).not.toContain('Jo');
  });

  it('puts only the reference in the hub notification subject', async () => {
    const { subject } = await renderEmail('hub-new-enquiry', {
      reference: 'ENQ-2026-000999',
      receivedOn: '2026-04-02',
      enquiryUrl: 'https://crm.example/hub/households/x',
    });
    expect(subject).toBe('New enquiry ENQ-2026-000999');
  });

  it('counts the digest cases in its subject', async () => {
    const { subject } = await renderEmail('worker-digest', EMAIL_TEMPLATES['worker-digest'].previewProps);
    expect(subject).toBe('Cases to follow up: 2 overdue, 1 due soon, 1 stalled');
  });

  it('writes a proposal not to approve with the 28-day window for representations or the IRM', async () => {
    const { subject, text } = await renderEmail('decision-letter', {
      decision: 'proposedNotToApprove',
      firstName: 'Sam',
      letterOn: '2026-08-14',
      respondBy: '2026-09-11',
    });
    expect(subject).toBe('The decision on your fostering assessment');
    expect(text).toContain('the council proposes not to approve you as a foster carer');
    expect(text).toContain('Our letter dated 14 August 2026');
    expect(text).toContain('You have 28 days from the date of the letter, until 11 September 2026');
    expect(text).toContain('apply to the Independent Review Mechanism (IRM)');
    expect(text).not.toContain('approved you');
  });

  it('refuses approval terms whose youngest age is above the oldest', async () => {
    const terms = { decision: 'approved', firstName: 'Sam', decidedOn: '2026-08-12', numberOfChildren: 1, minAge: 12, maxAge: 5 };
    await expect(renderStoredEmail('decision-letter', terms)).rejects.toThrow(/maxAge/);
  });

  it('rejects bad props, naming the field but never echoing the value', async () => {
    const attempt = renderStoredEmail('applicant-magic-link', { signInUrl: 'not a url secret@example.com', expiresInMinutes: 15 });
    await expect(attempt).rejects.toThrow(InvalidEmailProps);
    await expect(attempt).rejects.toThrow(/signInUrl/);
    await expect(attempt).rejects.not.toThrow(/secret@example\.com/);
  });

  it('rejects missing props and wrong types', async () => {
    await expect(renderStoredEmail('password-reset', { resetUrl: 'https://crm.example/reset' })).rejects.toThrow(/expiresInMinutes/);
    await expect(renderStoredEmail('hub-new-enquiry', { reference: 'ENQ-1', receivedOn: '2 April 2026', enquiryUrl: 'https://x.example' })).rejects.toThrow(
      /receivedOn/,
    );
    await expect(renderStoredEmail('worker-digest', { overdue: [], stalled: [], casesUrl: 'https://x.example' })).rejects.toThrow(
      InvalidEmailProps,
    );
  });
});
