import { describe, expect, test } from 'vitest';
import {
  ALL_STAGES,
  CLOSED_STAGES,
  COUNCIL_OWNED_STAGES,
  CONVERTED_STAGES,
  FINAL_STAGES,
  HUB_OWNED_STAGES,
  OPEN_STAGES,
  STAGE_GROUPS,
  isOpenStage,
  isPipelineStage,
  stageLabel,
  stageOf,
  stagesForRoute,
} from '~/modules/pipeline/stages';

const sorted = (stages: readonly string[]) => [...stages].sort();

const ENQUIRY = ['enquiry.received', 'enquiry.contacted', 'enquiry.visitBooked', 'enquiry.visited'];
const APPLICATION = ['application.submitted', 'application.allocation'];
const ASSESSMENT = ['assessment.stage1', 'assessment.stage2', 'assessment.readyForPanel'];
const KINSHIP = ['kinship.referral', 'kinship.viability', 'kinship.temporaryApproval', 'kinship.extension', 'kinship.fullAssessment'];
const PANEL = ['panel.booked', 'panel.papersSent'];
const DECISION = ['decision.awaitingMinutes', 'decision.awaitingAdm', 'decision.qdWindow', 'decision.qdReview', 'decision.qdFinal'];

describe('stages derived from the machine', () => {
  test('ALL_STAGES lists every resting state once, as dotted ids', () => {
    expect(sorted(ALL_STAGES)).toEqual(
      sorted([...ENQUIRY, 'invited', ...APPLICATION, ...ASSESSMENT, ...KINSHIP, ...PANEL, ...DECISION, 'onHold', 'approved', 'closed', 'transferredOut']),
    );
    expect(new Set(ALL_STAGES).size).toBe(ALL_STAGES.length);
  });

  test('history nodes and the routing state are not stages', () => {
    expect(isPipelineStage('enquiry.hist')).toBe(false);
    expect(isPipelineStage('routing')).toBe(false);
    expect(isPipelineStage('enquiry')).toBe(false);
  });

  test('each route has its own stages; panel, decision and the ends are shared', () => {
    const shared = [...PANEL, ...DECISION, 'approved', 'closed', 'transferredOut'];
    expect(sorted(stagesForRoute('mainstream'))).toEqual(
      sorted([...ENQUIRY, 'invited', ...APPLICATION, ...ASSESSMENT, 'onHold', ...shared]),
    );
    expect(sorted(stagesForRoute('kinship'))).toEqual(sorted([...KINSHIP, ...shared]));
  });

  test('the hub owns everything up to handover; the council owns assessment onwards', () => {
    expect(sorted(HUB_OWNED_STAGES)).toEqual(sorted([...ENQUIRY, 'invited', ...APPLICATION]));
    expect(sorted(COUNCIL_OWNED_STAGES)).toEqual(sorted([...ASSESSMENT, ...KINSHIP, ...PANEL, ...DECISION, 'approved']));
  });

  test('open, final and converted groups', () => {
    expect(sorted(FINAL_STAGES)).toEqual(['approved', 'closed', 'transferredOut']);
    expect(OPEN_STAGES).toHaveLength(ALL_STAGES.length - 3);
    // A transfer out is an exit, so lists and counts of closed cases include it.
    expect(CLOSED_STAGES).toEqual(['closed', 'transferredOut']);
    expect(sorted(CONVERTED_STAGES)).toEqual(sorted([...APPLICATION, ...ASSESSMENT, ...PANEL, ...DECISION, 'approved']));
    expect(isOpenStage('onHold')).toBe(true);
    expect(isOpenStage('approved')).toBe(false);
  });

  test('labels are plain English', () => {
    expect(stageLabel('enquiry.received')).toBe('Enquiry received');
    expect(stageLabel('kinship.extension')).toBe('Temporary approval extended (Regulation 25)');
    expect(stageLabel('closed')).toBe('Closed');
    expect(() => stageLabel('enquiry.lost')).toThrow('Unknown pipeline stage');
  });

  test('groups follow the machine order, with their labels', () => {
    expect(STAGE_GROUPS.map((group) => group.id)).toEqual([
      'enquiry', 'invited', 'application', 'assessment', 'kinship', 'panel', 'decision', 'onHold', 'approved', 'closed',
      'transferredOut',
    ]);
    expect(STAGE_GROUPS.find((group) => group.id === 'assessment')).toEqual({
      id: 'assessment',
      label: 'Assessment',
      stages: ASSESSMENT,
    });
  });
});

describe('stageOf', () => {
  test('joins the single active path with dots', () => {
    expect(stageOf({ value: 'invited' })).toBe('invited');
    expect(stageOf({ value: { assessment: 'stage1' } })).toBe('assessment.stage1');
    expect(stageOf({ value: { a: { b: 'c' } } })).toBe('a.b.c');
  });

  test('refuses a value with parallel regions', () => {
    expect(() => stageOf({ value: { assessment: { stage1: 'checks', stage2: 'notStarted' } } })).toThrow('exactly one stage');
  });
});
