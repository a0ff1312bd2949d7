import { describe, expect, it } from 'vitest';
import { renderEmail } from '~/modules/email/templates';

// The worker digest with reviews of approval (DOMAIN.md §4.3): references and dates only, counted in the subject.
describe('the worker digest lists reviews of approval', () => {
  it('counts reviews in the subject and lists them under their own headings', async () => {
    const { subject, text } = await renderEmail('worker-digest', {
      overdue: [],
      dueSoon: [],
      stalled: [],
      reviewsOverdue: [{ reference: 'DC-FC-2019-004', dueOn: '2026-11-01' }],
      reviewsDueSoon: [
        { reference: 'DC-FC-2020-011', dueOn: '2026-12-01' },
        { reference: 'FFEM-2024-000042', dueOn: '2026-12-15' },
      ],
      casesUrl: 'http://localhost:3000/council',
    });
    expect(subject).toBe('Cases to follow up: 0 overdue, 0 due soon, 0 stalled, 3 reviews of approval');
    expect(text).toContain('Reviews of approval overdue (1)');
    expect(text).toContain('DC-FC-2019-004: due 1 November 2026');
    expect(text).toContain('Reviews of approval due in the next 28 days (2)');
    expect(text).toContain('FFEM-2024-000042: due 15 December 2026');
  });

  it('keeps the subject unchanged when there are no reviews', async () => {
    const { subject } = await renderEmail('worker-digest', { overdue: [{ reference: 'A', dueOn: '2026-11-01' }], dueSoon: [], stalled: [], casesUrl: 'http://localhost:3000/hub' });
    expect(subject).toBe('Cases to follow up: 1 overdue, 0 due soon, 0 stalled');
  });
});
