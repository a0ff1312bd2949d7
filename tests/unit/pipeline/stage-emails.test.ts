import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import type { PipelineEvent } from '~/modules/pipeline/events';
import { pipelineMachine } from '~/modules/pipeline/machine';
import { snapshotAtStage } from '~/modules/pipeline/snapshots';
import { stageEmailFor } from '~/modules/pipeline/stage-emails';

const facts = { firstName: 'Sam', toStage: 'decision.qdWindow', baseUrl: 'https://crm.example' };

function emailsDeclared(route: 'mainstream' | 'kinship', stage: string, event: PipelineEvent) {
  const [, actions] = transition(pipelineMachine, snapshotAtStage(route, stage), event);
  return actions.filter((action) => action.type === 'queueEmail').map((action) => action.params);
}

describe('stageEmailFor', () => {
  it('counts the 28 days for representations from the letter date, across a month end', () => {
    // Thursday 20 August 2026 + 28 calendar days = Thursday 17 September 2026.
    const proposal = { type: 'PROPOSE_NOT_TO_APPROVE', occurredOn: '2026-08-21', letterOn: '2026-08-20', reason: 'Capacity' } as const;
    expect(stageEmailFor('decision-letter', proposal, facts)).toEqual({
      template: 'decision-letter',
      props: { decision: 'proposedNotToApprove', firstName: 'Sam', letterOn: '2026-08-20', respondBy: '2026-09-17' },
    });
  });

  it('builds links from the base address it is given', () => {
    expect(stageEmailFor('application-received', { type: 'APPLICATION_RECEIVED', occurredOn: '2026-02-10' }, facts).props).toEqual({
      firstName: 'Sam',
      receivedOn: '2026-02-10',
      progressUrl: 'https://crm.example/apply',
    });
  });

  it('refuses an email declared on an event that does not carry its details', () => {
    expect(() => stageEmailFor('panel-date', { type: 'PAPERS_SENT', occurredOn: '2026-07-01' }, facts)).toThrow(
      'The pipeline declared the panel-date email on PAPERS_SENT, which carries none of its details',
    );
  });
});

describe('the emails the machine declares', () => {
  it('declares the panel date, not the generic update, when a kinship panel is booked', () => {
    const kinship = snapshotAtStage('kinship', 'kinship.temporaryApproval');
    const reported = transition(pipelineMachine, kinship, { type: 'CONNECTED_PERSON_REPORT_COMPLETED', occurredOn: '2026-06-01' })[0];
    const [, actions] = transition(pipelineMachine, reported, { type: 'PANEL_BOOKED', occurredOn: '2026-06-02', panelOn: '2026-06-18' });
    expect(actions.filter((action) => action.type === 'queueEmail').map((action) => action.params)).toEqual([{ template: 'panel-date' }]);
  });

  it('confirms a withdrawal from any open stage, and sends nothing for a closure', () => {
    const withdraw = { type: 'WITHDRAW', occurredOn: '2026-05-01', reasonCode: 'NOT_NOW' } as const;
    expect(emailsDeclared('mainstream', 'enquiry.received', withdraw)).toEqual([{ template: 'withdrawal-confirmation' }]);
    expect(emailsDeclared('mainstream', 'onHold', withdraw)).toEqual([{ template: 'withdrawal-confirmation' }]);
    expect(emailsDeclared('kinship', 'kinship.viability', withdraw)).toEqual([{ template: 'withdrawal-confirmation' }]);
    expect(emailsDeclared('mainstream', 'enquiry.received', { type: 'CLOSE', occurredOn: '2026-05-01', reasonCode: 'NO_CONTACT' })).toEqual([]);
  });
});
