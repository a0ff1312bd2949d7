import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { EmailLayout, Paragraph } from './layout';

// The agency decision after panel (DOMAIN.md §2.2 step 10). Approval states the terms in summary; a proposal not to
// approve is a qualifying determination, which gives 28 calendar days from the letter for written representations
// or an application to the Independent Review Mechanism. The reasons go in the formal letter, never in an email.
const approved = z
  .object({
    decision: z.literal('approved'),
    firstName: z.string().trim().min(1),
    decidedOn: z.iso.date(),
    numberOfChildren: z.int().min(1),
    minAge: z.int().min(0).max(18),
    maxAge: z.int().min(0).max(18),
  })
  .refine((terms) => terms.minAge <= terms.maxAge, { path: ['maxAge'], message: 'maxAge is below minAge' });

const proposedNotToApprove = z.object({
  decision: z.literal('proposedNotToApprove'),
  firstName: z.string().trim().min(1),
  letterOn: z.iso.date(),
  respondBy: z.iso.date(),
});

export const schema = z.discriminatedUnion('decision', [approved, proposedNotToApprove]);
type Props = z.infer<typeof schema>;
type Approved = z.infer<typeof approved>;
type ProposedNotToApprove = z.infer<typeof proposedNotToApprove>;

// The same subject for both outcomes: a subject line is seen by anyone who glances at the inbox.
export function subject() {
  return 'The decision on your fostering assessment';
}

const children = (count: number) => (count === 1 ? 'one child' : `up to ${count} children`);

function ApprovedLetter({ firstName, decidedOn, numberOfChildren, minAge, maxAge }: Approved) {
  return (
    <EmailLayout preview="The decision on your fostering assessment" heading="You have been approved as a foster carer">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>
        We are delighted to tell you that on {formatDate(decidedOn)} the council approved you as a foster carer.
      </Paragraph>
      <Paragraph>
        Your approval is for {children(numberOfChildren)} aged {minAge} to {maxAge}. Your formal letter sets out the full
        terms of your approval.
      </Paragraph>
      <Paragraph>Your supervising social worker will be in touch soon about your first steps as a foster carer.</Paragraph>
    </EmailLayout>
  );
}

function ProposedNotToApproveLetter({ firstName, letterOn, respondBy }: ProposedNotToApprove) {
  return (
    <EmailLayout preview="The decision on your fostering assessment" heading="The decision on your fostering assessment">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>
        We are sorry to tell you that the council proposes not to approve you as a foster carer. Our letter dated{' '}
        {formatDate(letterOn)} explains the reasons.
      </Paragraph>
      <Paragraph>
        This is not yet a final decision. You have 28 days from the date of the letter, until {formatDate(respondBy)}, to
        do one of these: send the council your written representations, or apply to the Independent Review Mechanism
        (IRM) for a review.
      </Paragraph>
      <Paragraph>If you do neither by then, the council may confirm its decision. Your social worker can explain your options.</Paragraph>
    </EmailLayout>
  );
}

export default function DecisionLetter(props: Props) {
  return props.decision === 'approved' ? <ApprovedLetter {...props} /> : <ProposedNotToApproveLetter {...props} />;
}

export const PreviewProps: Props = {
  decision: 'approved',
  firstName: 'Sam',
  decidedOn: '2026-08-12',
  numberOfChildren: 2,
  minAge: 0,
  maxAge: 10,
};
