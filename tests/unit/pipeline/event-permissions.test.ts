import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '~/modules/auth/roles';
import { PIPELINE_EVENT_TYPES } from '~/modules/pipeline/events';
import {
  eventTypesForRole,
  isPipelineEventType,
  maySendEvent,
  PIPELINE_EVENT_LABELS,
  pipelinePhaseOf,
} from '~/modules/pipeline/event-permissions';

const BEFORE_HANDOVER = { allocatedCouncilId: null, proposedCouncilId: null };
const PROPOSED_TO_DERBY = { allocatedCouncilId: null, proposedCouncilId: 'derby-city' };
const ALLOCATED_TO_DERBY = { allocatedCouncilId: 'derby-city', proposedCouncilId: 'derby-city' };

const hub = (role: Role) => ({ role, councilId: null });
const derby = (role: Role) => ({ role, councilId: 'derby-city' });
const nottingham = (role: Role) => ({ role, councilId: 'nottingham-city' });

describe('pipelinePhaseOf', () => {
  it('is the hub until a council is allocated, then the council', () => {
    expect(pipelinePhaseOf({ allocatedCouncilId: null })).toBe('hub');
    expect(pipelinePhaseOf({ allocatedCouncilId: 'derbyshire' })).toBe('council');
  });
});

// Lists follow the order events.ts declares the event types in.
describe('the permission table, role by role', () => {
  it('gives hub officers the enquiry, invitation and application events before handover, and nothing after', () => {
    expect(eventTypesForRole('hubOfficer', 'hub')).toEqual([
      'CONTACT_ATTEMPT_FAILED',
      'CONTACT_MADE',
      'VISIT_BOOKED',
      'VISIT_COMPLETED',
      'INVITE',
      'APPLICATION_RECEIVED',
      'TRANSFER_IN_RECORDED',
      'HOLD',
      'RESUME',
      'CLOSE',
      'TRANSFER_OUT',
      'WITHDRAW',
    ]);
    expect(eventTypesForRole('hubOfficer', 'council')).toEqual([]);
  });

  it('adds the visit waiver and the allocation proposal for hub managers', () => {
    expect(eventTypesForRole('hubManager', 'hub')).toEqual([
      'CONTACT_ATTEMPT_FAILED',
      'CONTACT_MADE',
      'VISIT_BOOKED',
      'VISIT_COMPLETED',
      'INITIAL_VISIT_WAIVED',
      'INVITE',
      'APPLICATION_RECEIVED',
      'ALLOCATION_PROPOSED',
      'TRANSFER_IN_RECORDED',
      'HOLD',
      'RESUME',
      'CLOSE',
      'TRANSFER_OUT',
      'WITHDRAW',
    ]);
    expect(eventTypesForRole('hubManager', 'council')).toEqual([]);
  });

  it('lets fostering team managers answer an allocation before handover and run the case after it', () => {
    expect(eventTypesForRole('fosteringManager', 'hub')).toEqual(['ALLOCATION_DECLINED', 'ALLOCATION_ACCEPTED']);
    expect(eventTypesForRole('fosteringManager', 'council')).toEqual([
      'REALLOCATE',
      'TRANSFER_IN_RECORDED',
      'STAGE1_CHECKS_CLEARED',
      'STAGE1_PROCEED',
      'STAGE1_NOT_SUITABLE',
      'STAGE2_STARTED',
      'FORM_F_COMPLETED',
      'HOLD',
      'RESUME',
      'CLOSE',
      'TRANSFER_OUT',
      'WITHDRAW',
      'VIABILITY_STARTED',
      'TEMPORARY_APPROVAL_GRANTED',
      'FULL_ASSESSMENT_STARTED',
      'EXTENSION_GRANTED',
      'CONNECTED_PERSON_REPORT_COMPLETED',
    ]);
  });

  it('gives social workers Stage 1, Stage 2 and kinship assessment events, but not the nominated officer ones', () => {
    expect(eventTypesForRole('socialWorker', 'hub')).toEqual([]);
    expect(eventTypesForRole('socialWorker', 'council')).toEqual([
      'TRANSFER_IN_RECORDED',
      'STAGE1_CHECKS_CLEARED',
      'STAGE1_PROCEED',
      'STAGE1_NOT_SUITABLE',
      'STAGE2_STARTED',
      'FORM_F_COMPLETED',
      'HOLD',
      'RESUME',
      'CLOSE',
      'TRANSFER_OUT',
      'WITHDRAW',
      'VIABILITY_STARTED',
      'FULL_ASSESSMENT_STARTED',
      'CONNECTED_PERSON_REPORT_COMPLETED',
    ]);
  });

  it('gives panel advisers the panel events and decision makers the agency decision events', () => {
    expect(eventTypesForRole('panelAdviser', 'council')).toEqual([
      'PANEL_BOOKED',
      'PAPERS_SENT',
      'PANEL_RECOMMENDED',
      'PANEL_DEFERRED',
      'FINAL_MINUTES_RECEIVED',
    ]);
    expect(eventTypesForRole('decisionMaker', 'council')).toEqual([
      'APPROVE',
      'PROPOSE_NOT_TO_APPROVE',
      'REPRESENTATIONS_MADE',
      'IRM_APPLIED',
      'QD_WINDOW_CLOSED',
      'CONFIRM_NOT_APPROVED',
    ]);
    expect(eventTypesForRole('panelAdviser', 'hub')).toEqual([]);
    expect(eventTypesForRole('decisionMaker', 'hub')).toEqual([]);
  });

  it('lets an applicant send their application before handover, and otherwise only withdraw', () => {
    expect(eventTypesForRole('applicant', 'hub')).toEqual(['APPLICATION_RECEIVED', 'WITHDRAW']);
    expect(eventTypesForRole('applicant', 'council')).toEqual(['WITHDRAW']);
  });

  it('gives the regional viewer, the administrator and the Mockingbird liaison nothing', () => {
    for (const role of ['regionalViewer', 'administrator', 'mockingbirdLiaison'] as const) {
      expect(eventTypesForRole(role, 'hub')).toEqual([]);
      expect(eventTypesForRole(role, 'council')).toEqual([]);
    }
  });

  it('leaves no event that nobody may send', () => {
    const sendable = new Set(ROLES.flatMap((role) => [...eventTypesForRole(role, 'hub'), ...eventTypesForRole(role, 'council')]));
    expect(PIPELINE_EVENT_TYPES.filter((type) => !sendable.has(type))).toEqual([]);
  });
});

describe('maySendEvent', () => {
  it('lets the hub act before handover and not after', () => {
    expect(maySendEvent(hub('hubOfficer'), 'CONTACT_MADE', BEFORE_HANDOVER)).toBe(true);
    expect(maySendEvent(hub('hubOfficer'), 'CLOSE', BEFORE_HANDOVER)).toBe(true);
    expect(maySendEvent(hub('hubOfficer'), 'CLOSE', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(hub('hubManager'), 'HOLD', ALLOCATED_TO_DERBY)).toBe(false);
  });

  it('keeps overrides and the allocation proposal to hub managers', () => {
    expect(maySendEvent(hub('hubOfficer'), 'INITIAL_VISIT_WAIVED', BEFORE_HANDOVER)).toBe(false);
    expect(maySendEvent(hub('hubManager'), 'INITIAL_VISIT_WAIVED', BEFORE_HANDOVER)).toBe(true);
    expect(maySendEvent(hub('hubOfficer'), 'ALLOCATION_PROPOSED', BEFORE_HANDOVER)).toBe(false);
    expect(maySendEvent(hub('hubManager'), 'ALLOCATION_PROPOSED', BEFORE_HANDOVER)).toBe(true);
  });

  it('lets only the proposed council’s fostering team manager answer the proposal', () => {
    expect(maySendEvent(derby('fosteringManager'), 'ALLOCATION_ACCEPTED', PROPOSED_TO_DERBY)).toBe(true);
    expect(maySendEvent(derby('fosteringManager'), 'ALLOCATION_DECLINED', PROPOSED_TO_DERBY)).toBe(true);
    expect(maySendEvent(nottingham('fosteringManager'), 'ALLOCATION_ACCEPTED', PROPOSED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('socialWorker'), 'ALLOCATION_ACCEPTED', PROPOSED_TO_DERBY)).toBe(false);
    expect(maySendEvent(hub('hubManager'), 'ALLOCATION_ACCEPTED', PROPOSED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('fosteringManager'), 'ALLOCATION_ACCEPTED', BEFORE_HANDOVER)).toBe(false);
  });

  it('lets council roles act only on households allocated to their own council', () => {
    expect(maySendEvent(derby('socialWorker'), 'STAGE1_PROCEED', ALLOCATED_TO_DERBY)).toBe(true);
    expect(maySendEvent(nottingham('socialWorker'), 'STAGE1_PROCEED', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('socialWorker'), 'STAGE1_PROCEED', PROPOSED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('fosteringManager'), 'REALLOCATE', ALLOCATED_TO_DERBY)).toBe(true);
    expect(maySendEvent(derby('socialWorker'), 'REALLOCATE', ALLOCATED_TO_DERBY)).toBe(false);
  });

  it('keeps agency decisions to the decision maker', () => {
    expect(maySendEvent(derby('decisionMaker'), 'APPROVE', ALLOCATED_TO_DERBY)).toBe(true);
    expect(maySendEvent(derby('fosteringManager'), 'APPROVE', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('panelAdviser'), 'APPROVE', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(hub('hubOfficer'), 'APPROVE', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(derby('decisionMaker'), 'CONFIRM_NOT_APPROVED', ALLOCATED_TO_DERBY)).toBe(true);
    expect(maySendEvent(derby('panelAdviser'), 'PANEL_RECOMMENDED', ALLOCATED_TO_DERBY)).toBe(true);
  });

  it('lets an applicant withdraw whoever holds the case, send their application before handover, and do nothing else', () => {
    expect(maySendEvent(hub('applicant'), 'WITHDRAW', BEFORE_HANDOVER)).toBe(true);
    expect(maySendEvent(hub('applicant'), 'APPLICATION_RECEIVED', BEFORE_HANDOVER)).toBe(true);
    expect(maySendEvent(hub('applicant'), 'APPLICATION_RECEIVED', ALLOCATED_TO_DERBY)).toBe(false);
    expect(maySendEvent(hub('applicant'), 'INVITE', BEFORE_HANDOVER)).toBe(false);
    expect(maySendEvent(hub('applicant'), 'WITHDRAW', ALLOCATED_TO_DERBY)).toBe(true);
    expect(maySendEvent(hub('applicant'), 'CLOSE', BEFORE_HANDOVER)).toBe(false);
    expect(maySendEvent(hub('applicant'), 'HOLD', ALLOCATED_TO_DERBY)).toBe(false);
  });
});

describe('labels and event types', () => {
  it('labels every event in plain words', () => {
    for (const type of PIPELINE_EVENT_TYPES) {
      expect(PIPELINE_EVENT_LABELS[type], type).toMatch(/^[A-Z][^_]+$/);
    }
  });

  it('recognises only the machine’s event types', () => {
    expect(isPipelineEventType('INVITE')).toBe(true);
    expect(isPipelineEventType('invite')).toBe(false);
    expect(isPipelineEventType('DELETE_HOUSEHOLD')).toBe(false);
    expect(isPipelineEventType(undefined)).toBe(false);
  });
});
