import { describe, expect, it } from 'vitest';
import { parseForm } from '~/lib/forms';
import { ageOn, displayAnswer, findSection, SECTIONS, sectionSchema, type Section } from '~/modules/applications/sections';

const TODAY = '2026-04-07';

function section(id: string): Section {
  const found = findSection(id);
  if (!found) throw new Error(`No section ${id}`);
  return found;
}

function submit(id: string, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const entry of Array.isArray(value) ? value : [value]) form.append(name, entry);
  }
  return parseForm(sectionSchema(section(id), { today: TODAY }), form);
}

const ABOUT_YOU = {
  firstName: 'Lucy',
  lastName: 'Tamberlow',
  'dateOfBirth-day': '27',
  'dateOfBirth-month': '3',
  'dateOfBirth-year': '1985',
  phone: '07700 900982',
};

describe('the sections', () => {
  it('lists the ten parts of the form, personal ones per applicant', () => {
    expect(SECTIONS.map((entry) => entry.id)).toEqual([
      'about-you', 'household', 'home', 'children', 'employment', 'health', 'previous-fostering', 'references', 'checks-consent', 'training-availability',
    ]);
    expect(SECTIONS.filter((entry) => entry.scope === 'personal').map((entry) => entry.id)).toEqual(['about-you', 'employment', 'health', 'checks-consent']);
  });
});

describe('what each section says when it is sent empty', () => {
  const expected: Record<string, Record<string, string>> = {
    'about-you': { firstName: 'Enter your first name', lastName: 'Enter your last name', dateOfBirth: 'Enter your date of birth', phone: 'Enter your phone number' },
    household: { hasPartner: 'Select yes if you have a partner who lives with you' },
    home: { spareBedrooms: 'Enter how many spare bedrooms you have', tenure: 'Select whether you own or rent your home' },
    children: { hasChildren: 'Select yes if you have any children' },
    employment: { employmentStatus: 'Select your work situation' },
    health: { healthAffectsCaring: 'Select yes if anything about your health might affect your ability to care for a child' },
    'previous-fostering': { fosteredBefore: 'Select yes if you have fostered, adopted or applied before' },
    references: {
      referee1Name: 'Enter the first referee’s full name',
      referee1Relationship: 'Enter how your first referee knows you',
      referee1Email: 'Enter the first referee’s email address',
      referee1Phone: 'Enter the first referee’s phone number',
      referee2Name: 'Enter the second referee’s full name',
      referee2Relationship: 'Enter how your second referee knows you',
      referee2Email: 'Enter the second referee’s email address',
      referee2Phone: 'Enter the second referee’s phone number',
    },
    'checks-consent': {
      consentDbs: 'Confirm that you agree to an enhanced DBS check',
      consentLocalAuthority: 'Confirm that you agree to local authority checks',
      consentMedical: 'Confirm that you agree to a medical',
    },
    'training-availability': { trainingTimes: 'Select when you could go to preparation training' },
  };
  for (const entry of SECTIONS) {
    it(entry.id, () => {
      const result = submit(entry.id, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors).toEqual(expected[entry.id]);
    });
  }
});

describe('about you', () => {
  it('accepts a complete answer and tidies the National Insurance number', () => {
    const result = submit('about-you', { ...ABOUT_YOU, nationalInsuranceNumber: 'qq 12 34 56 c' });
    expect(result).toMatchObject({ ok: true, data: { dateOfBirth: '1985-03-27', nationalInsuranceNumber: 'QQ123456C' } });
  });

  it('refuses a date of birth in the future', () => {
    const result = submit('about-you', { ...ABOUT_YOU, 'dateOfBirth-year': '2027' });
    expect(result.ok ? null : result.fieldErrors.dateOfBirth).toBe('Date of birth must be in the past');
  });

  it('refuses someone under 21, and a year that makes them over 90', () => {
    // 7 April 2026 minus 21 years is 7 April 2005: born a day later is still 20.
    expect(submit('about-you', { ...ABOUT_YOU, 'dateOfBirth-day': '8', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2005' }))
      .toMatchObject({ ok: false, fieldErrors: { dateOfBirth: 'You must be 21 or older to apply to foster' } });
    expect(submit('about-you', { ...ABOUT_YOU, 'dateOfBirth-day': '7', 'dateOfBirth-month': '4', 'dateOfBirth-year': '2005' }).ok).toBe(true);
    expect(submit('about-you', { ...ABOUT_YOU, 'dateOfBirth-year': '1925' }))
      .toMatchObject({ ok: false, fieldErrors: { dateOfBirth: 'Check the year of your date of birth' } });
  });

  it('refuses a date that does not exist, a malformed phone and National Insurance number', () => {
    const result = submit('about-you', { ...ABOUT_YOU, 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', phone: '12', nationalInsuranceNumber: 'ABC' });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        dateOfBirth: 'Date of birth must be a real date',
        phone: 'Enter a phone number, like 01632 960 001 or 07700 900 982',
        nationalInsuranceNumber: 'Enter a National Insurance number in the correct format, like QQ 12 34 56 C',
      },
    });
  });

  it('keeps HTML as plain text', () => {
    const result = submit('about-you', { ...ABOUT_YOU, otherNames: '<script>alert("x")</script>' });
    expect(result).toMatchObject({ ok: true, data: { otherNames: '<script>alert("x")</script>' } });
  });
});

describe('long answers and joined questions', () => {
  it('refuses a 10,000-character answer and says what the limit is', () => {
    const result = submit('household', { hasPartner: 'no', otherAdults: 'a'.repeat(10_000) });
    expect(result.ok ? null : result.fieldErrors.otherAdults).toBe('Other adults who live with you must be 2,000 characters or fewer');
    expect(submit('household', { hasPartner: 'no', otherAdults: 'a'.repeat(2_000) }).ok).toBe(true);
  });

  it('needs a partner’s name only when there is a partner', () => {
    expect(submit('household', { hasPartner: 'yes' })).toMatchObject({ ok: false, fieldErrors: { partnerName: 'Enter your partner’s full name' } });
    expect(submit('household', { hasPartner: 'yes', partnerName: 'Sam Tamberlow' }).ok).toBe(true);
  });

  it('checks referee email addresses', () => {
    const referees = {
      referee1Name: 'Pat Jones', referee1Relationship: 'Friend', referee1Email: 'pat@', referee1Phone: '01632 960001',
      referee2Name: 'Ali Khan', referee2Relationship: 'Neighbour', referee2Email: 'ali@example.com', referee2Phone: '01632 960002',
    };
    expect(submit('references', referees)).toMatchObject({
      ok: false,
      fieldErrors: { referee1Email: 'Enter an email address in the correct format, like name@example.com' },
    });
  });

  it('needs every consent ticked, and a number of bedrooms in range', () => {
    expect(submit('checks-consent', { consentDbs: 'yes', consentLocalAuthority: 'yes' })).toMatchObject({
      ok: false,
      fieldErrors: { consentMedical: 'Confirm that you agree to a medical' },
    });
    expect(submit('home', { spareBedrooms: '25', tenure: 'own' })).toMatchObject({ ok: false, fieldErrors: { spareBedrooms: 'Enter a number from 0 to 20' } });
  });
});

describe('answers in words', () => {
  it('shows dates, choices and blanks the way a person reads them', () => {
    const aboutYou = section('about-you');
    const date = aboutYou.questions.find((question) => question.name === 'dateOfBirth');
    const otherNames = aboutYou.questions.find((question) => question.name === 'otherNames');
    const times = section('training-availability').questions[0];
    if (!date || !otherNames) throw new Error('missing question');
    expect(displayAnswer(date, ABOUT_YOU)).toBe('27 March 1985');
    expect(displayAnswer(otherNames, {})).toBe('Not answered');
    expect(displayAnswer(times, { trainingTimes: 'weekdayEvening,weekend' })).toBe('Weekday evenings, Weekends');
  });

  it('counts whole years of age', () => {
    expect(ageOn('1985-04-07', TODAY)).toBe(41);
    expect(ageOn('1985-04-08', TODAY)).toBe(40);
  });
});
