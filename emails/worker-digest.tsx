import { Section } from '@react-email/components';
import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { ActionLink, EmailLayout, Paragraph } from './layout';

// References and due dates only: names and case detail stay in the system, behind its access checks.
const caseItem = z.object({ reference: z.string().trim().min(1), dueOn: z.iso.date() });

export const schema = z
  .object({
    overdue: z.array(caseItem),
    dueSoon: z.array(caseItem).default([]),
    stalled: z.array(caseItem),
    // Reviews of approval for the households the worker supervises (DOMAIN.md §4.3).
    reviewsOverdue: z.array(caseItem).optional(),
    reviewsDueSoon: z.array(caseItem).optional(),
    casesUrl: z.url(),
  })
  .refine(
    (value) =>
      value.overdue.length + value.dueSoon.length + value.stalled.length + (value.reviewsOverdue?.length ?? 0) + (value.reviewsDueSoon?.length ?? 0) > 0,
    'A digest needs at least one case',
  );
type Props = z.input<typeof schema>;
type CaseItem = z.infer<typeof caseItem>;

export function subject({ overdue, dueSoon = [], stalled, reviewsOverdue = [], reviewsDueSoon = [] }: Props) {
  const reviews = reviewsOverdue.length + reviewsDueSoon.length;
  const reviewCount = reviews > 0 ? `, ${reviews} ${reviews === 1 ? 'review' : 'reviews'} of approval` : '';
  return `Cases to follow up: ${overdue.length} overdue, ${dueSoon.length} due soon, ${stalled.length} stalled${reviewCount}`;
}

function CaseList({ title, cases }: { title: string; cases: CaseItem[] }) {
  if (cases.length === 0) return null;
  return (
    <Section>
      <Paragraph>
        <strong>{title}</strong>
      </Paragraph>
      <ul>
        {cases.map((item) => (
          <li key={item.reference} style={{ fontSize: '19px', lineHeight: '28px' }}>
            {item.reference}: due {formatDate(item.dueOn)}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export default function WorkerDigest({ overdue, dueSoon = [], stalled, reviewsOverdue = [], reviewsDueSoon = [], casesUrl }: Props) {
  return (
    <EmailLayout preview="Cases that need your attention" heading="Cases to follow up">
      <Paragraph>These cases need your attention.</Paragraph>
      <CaseList title={`Overdue (${overdue.length})`} cases={overdue} />
      <CaseList title={`Due soon (${dueSoon.length})`} cases={dueSoon} />
      <CaseList title={`Stalled (${stalled.length})`} cases={stalled} />
      <CaseList title={`Reviews of approval overdue (${reviewsOverdue.length})`} cases={reviewsOverdue} />
      <CaseList title={`Reviews of approval due in the next 28 days (${reviewsDueSoon.length})`} cases={reviewsDueSoon} />
      <ActionLink href={casesUrl}>Open your cases</ActionLink>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  overdue: [
    { reference: 'FFEM-000101', dueOn: '2026-04-07' },
    { reference: 'FFEM-000102', dueOn: '2026-04-09' },
  ],
  dueSoon: [{ reference: 'FFEM-000110', dueOn: '2026-04-14' }],
  stalled: [{ reference: 'FFEM-000087', dueOn: '2026-03-20' }],
  casesUrl: 'http://localhost:3000/hub/households',
};
