import { describe, expect, it } from 'vitest';
import { documentsFor, progressInWords, progressOf } from '~/modules/applications/documents';

// The applicant's documents list: what each check needs from them and how far it has got, in dates and counts only.

const iso = (date: string) => date;

describe('progressOf', () => {
  it('is "not yet" without a check', () => {
    expect(progressOf([])).toEqual({ state: 'notYet' });
  });

  it('counts what has arrived and names the oldest request still open', () => {
    expect(
      progressOf([
        { type: 'personalReference', requestedOn: '2026-03-10', receivedOn: '2026-03-20' },
        { type: 'personalReference', requestedOn: '2026-03-12', receivedOn: null },
        { type: 'personalReference', requestedOn: '2026-03-05', receivedOn: null },
      ]),
    ).toEqual({ state: 'requested', requestedOn: '2026-03-05', received: 1, total: 3 });
  });

  it('is received when every one has arrived, dated by the last', () => {
    expect(
      progressOf([
        { type: 'dbs', requestedOn: '2026-03-01', receivedOn: '2026-04-09' },
        { type: 'dbs', requestedOn: '2026-03-01', receivedOn: '2026-03-28' },
      ]),
    ).toEqual({ state: 'received', receivedOn: '2026-04-09', total: 2 });
  });

  it('is being arranged when a check is recorded but not yet asked for', () => {
    expect(progressOf([{ type: 'medical', requestedOn: null, receivedOn: null }])).toEqual({
      state: 'requested',
      requestedOn: null,
      received: 0,
      total: 1,
    });
  });
});

describe('documentsFor', () => {
  it('lists the usual checks even before any is recorded, and no others', () => {
    expect(documentsFor([]).map((item) => [item.id, item.progress.state])).toEqual([
      ['dbs', 'notYet'],
      ['medical', 'notYet'],
      ['localAuthority', 'notYet'],
      ['personalReference', 'notYet'],
      ['homeSafety', 'notYet'],
    ]);
  });

  it('adds employer and former partner references once the case has them, and leaves out "other"', () => {
    const ids = documentsFor([
      { type: 'employer', requestedOn: '2026-03-01', receivedOn: null },
      { type: 'formerPartner', requestedOn: '2026-03-01', receivedOn: null },
      { type: 'other', requestedOn: '2026-03-01', receivedOn: null },
    ]).map((item) => item.id);
    expect(ids).toEqual(['dbs', 'medical', 'localAuthority', 'personalReference', 'formerPartner', 'employer', 'homeSafety']);
  });
});

describe('progressInWords', () => {
  it('says each state in plain English', () => {
    expect(progressInWords({ state: 'notYet' }, iso)).toBe('Not asked for yet');
    expect(progressInWords({ state: 'received', receivedOn: '2026-04-09', total: 1 }, iso)).toBe('Received on 2026-04-09');
    expect(progressInWords({ state: 'received', receivedOn: '2026-04-09', total: 3 }, iso)).toBe('All 3 received, the last on 2026-04-09');
    expect(progressInWords({ state: 'requested', requestedOn: '2026-03-05', received: 0, total: 1 }, iso)).toBe('Asked for on 2026-03-05');
    expect(progressInWords({ state: 'requested', requestedOn: '2026-03-05', received: 1, total: 3 }, iso)).toBe(
      'Asked for on 2026-03-05 (1 of 3 received)',
    );
    expect(progressInWords({ state: 'requested', requestedOn: null, received: 0, total: 1 }, iso)).toBe('Being arranged');
  });
});
