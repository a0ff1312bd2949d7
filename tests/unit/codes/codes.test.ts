import { describe, expect, test } from 'vitest';
import { APPROVAL_SPECIALISMS, APPROVAL_TYPES, PLACEMENT_KINDS, isApprovalType, isPlacementKind } from '~/modules/codes/approval';
import {
  CLOSURE_REASONS,
  ENQUIRY_CLOSURE_REASONS,
  KINSHIP_CLOSURE_REASONS,
  OFSTED_AW_CODES,
  PERSONS_CHOICE_REASONS,
  SERVICE_DECISION_REASONS,
  awCodeFor,
  isAwCode,
  isClosureReasonCode,
  isPersonsChoiceCode,
} from '~/modules/codes/closure-reasons';
import {
  DEREGISTRATION_REASONS,
  deregistrationGroupOf,
  isDeregistrationGroup,
  isDeregistrationReasonCode,
} from '~/modules/codes/deregistration-reasons';
import { ENQUIRY_CHANNELS, ENQUIRY_INTERESTS, ENQUIRY_SOURCES, isEnquiryChannel, isEnquiryInterest } from '~/modules/codes/enquiry';

const LISTS = {
  OFSTED_AW_CODES,
  ENQUIRY_CLOSURE_REASONS,
  PERSONS_CHOICE_REASONS,
  SERVICE_DECISION_REASONS,
  KINSHIP_CLOSURE_REASONS,
  CLOSURE_REASONS,
  DEREGISTRATION_REASONS,
  ENQUIRY_CHANNELS,
  ENQUIRY_SOURCES,
  ENQUIRY_INTERESTS,
  APPROVAL_TYPES,
  PLACEMENT_KINDS,
  APPROVAL_SPECIALISMS,
};

describe.each(Object.entries(LISTS))('%s', (_name, list: readonly { code: string; label: string }[]) => {
  test('has unique codes', () => {
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((entry) => entry.code)).size).toBe(list.length);
  });

  test('has a plain-English label for every code, in British spelling', () => {
    for (const entry of list) {
      expect(entry.label.trim().length).toBeGreaterThan(1);
      expect(entry.label.toLowerCase()).not.toContain('inquiry');
    }
  });
});

describe('closure and withdrawal reasons (DOMAIN.md §2.5)', () => {
  test('the Ofsted AW codes are exactly the six published, with their meanings', () => {
    expect(OFSTED_AW_CODES.map((entry) => [entry.code, entry.label])).toEqual([
      ['AW1', 'Fostering was not as the applicant expected'],
      ['AW2', 'The assessment process was not as the applicant expected'],
      ['AW3', 'Household circumstances changed during the assessment (other than for financial reasons)'],
      ['AW4', 'The applicant was unable to continue for financial reasons'],
      ['AW5', 'The applicant was concerned about the risk of allegations'],
      ['AW0', 'Other or unknown reason'],
    ]);
  });

  test("each of the person's reasons maps to its AW code; unmapped ones go to AW0", () => {
    expect(Object.fromEntries(PERSONS_CHOICE_REASONS.map((reason) => [reason.code, awCodeFor(reason.code)]))).toEqual({
      NOT_NOW: 'AW0',
      NO_RESPONSE: 'AW0',
      FINANCES: 'AW4',
      HOUSEHOLD_CHANGE: 'AW3',
      NOT_AS_EXPECTED: 'AW1',
      PROCESS: 'AW2',
      ALLEGATIONS_RISK: 'AW5',
      WORK_AVAILABILITY: 'AW0',
      HEALTH: 'AW0',
      OTHER_PROVIDER: 'AW0',
    });
  });

  test('the seeded lists hold the codes DOMAIN.md names', () => {
    expect(ENQUIRY_CLOSURE_REASONS.map((reason) => reason.code)).toEqual([
      'NO_CONTACT', 'INFO_ONLY', 'NO_SPARE_ROOM', 'HOUSING', 'OUTSIDE_AREA_SIGNPOSTED', 'ADOPTION_SIGNPOSTED',
      'KINSHIP_REFERRED', 'SUPPORTED_LODGINGS_REFERRED', 'DUPLICATE',
    ]);
    expect(SERVICE_DECISION_REASONS.map((reason) => reason.code)).toEqual([
      'COUNSELLED_OUT', 'NOT_PROGRESSED', 'STAGE1_NOT_SUITABLE', 'NOT_APPROVED', 'SAFEGUARDING',
    ]);
    expect(KINSHIP_CLOSURE_REASONS.map((reason) => reason.code)).toContain('SGO_GRANTED');
  });

  test('type guards accept listed codes and refuse others', () => {
    expect(isAwCode('AW5')).toBe(true);
    expect(isAwCode('AW6')).toBe(false);
    expect(isClosureReasonCode('SGO_GRANTED')).toBe(true);
    expect(isClosureReasonCode('sgo_granted')).toBe(false);
    expect(isPersonsChoiceCode('FINANCES')).toBe(true);
    expect(isPersonsChoiceCode('NO_CONTACT')).toBe(false);
  });
});

describe('deregistration reasons (DOMAIN.md §4.7)', () => {
  test('every code has a group, resigned or otherEnding', () => {
    for (const reason of DEREGISTRATION_REASONS) expect(isDeregistrationGroup(reason.group)).toBe(true);
  });

  test("carers' own decisions, transfers out included, count as resignations", () => {
    const resigned = DEREGISTRATION_REASONS.filter((reason) => reason.group === 'resigned').map((reason) => reason.code);
    expect(resigned.sort()).toEqual(
      [
        'RETIREMENT_AGE', 'HEALTH', 'FAMILY_CIRCUMSTANCES', 'WORK_FINANCES', 'LACK_OF_SUPPORT', 'BURNOUT_WELLBEING',
        'AFTER_ALLEGATION', 'MOVED_AWAY', 'TRANSFERRED_TO_IFA', 'TRANSFERRED_TO_OTHER_LA',
      ].sort(),
    );
  });

  test('care continuing under an order, and other endings, do not', () => {
    const other = DEREGISTRATION_REASONS.filter((reason) => reason.group === 'otherEnding').map((reason) => reason.code);
    expect(other.sort()).toEqual(
      [
        'SGO_GRANTED', 'CAO_GRANTED', 'ADOPTED_CHILD', 'STAYING_PUT_ONLY', 'KINSHIP_CHILD_LEFT', 'TERMINATED_BY_SERVICE',
        'DECEASED', 'OTHER_UNKNOWN',
      ].sort(),
    );
    expect(deregistrationGroupOf('SGO_GRANTED')).toBe('otherEnding');
    expect(deregistrationGroupOf('TRANSFERRED_TO_IFA')).toBe('resigned');
  });

  test('type guards', () => {
    expect(isDeregistrationReasonCode('STAYING_PUT_ONLY')).toBe(true);
    expect(isDeregistrationReasonCode('RESIGNED')).toBe(false);
    expect(isDeregistrationGroup('transferred')).toBe(false);
  });
});

describe('enquiry and approval codes (DOMAIN.md §7)', () => {
  test('channels are the seven ways an enquiry arrives, web form first (the database default)', () => {
    expect(ENQUIRY_CHANNELS.map((channel) => channel.code)).toEqual(['webForm', 'phone', 'email', 'event', 'walkIn', 'letter', 'other']);
    expect(isEnquiryChannel('fax')).toBe(false);
  });

  test('interests include kinship and supported lodgings, which route elsewhere', () => {
    expect(isEnquiryInterest('kinship')).toBe(true);
    expect(isEnquiryInterest('supportedLodgings')).toBe(true);
    expect(isEnquiryInterest('adoption')).toBe(false);
  });

  test('approval types match the Approval.approvalType values, and placement kinds include Fostering for Adoption', () => {
    expect(APPROVAL_TYPES.map((type) => type.code)).toEqual(['mainstream', 'kinship', 'shortBreaks', 'contractCare']);
    expect(isApprovalType('respite')).toBe(false);
    expect(isPlacementKind('fosteringForAdoption')).toBe(true);
  });
});
