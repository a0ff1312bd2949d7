import type { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { EmailLayout, Paragraph } from './layout';
import { schema as requestSchema } from './reference-request';

// The one automatic reminder (DOMAIN.md §2.2 step 7), with the same facts as the request it follows up.
export const schema = requestSchema;
type Props = z.infer<typeof schema>;

export function subject({ councilName }: Props) {
  return `Reminder: reference request from ${councilName} fostering service`;
}

export default function ReferenceReminder({ refereeName, applicantName, councilName, contactName, contactEmail, respondBy }: Props) {
  return (
    <EmailLayout preview="A reminder about our request for a reference" heading="A reminder about our reference request">
      <Paragraph>Dear {refereeName},</Paragraph>
      <Paragraph>
        We recently asked you for a reference for {applicantName}, who has applied to become a foster carer with{' '}
        {councilName}. We have not heard from you yet.
      </Paragraph>
      <Paragraph>
        Please contact {contactName} at {contactEmail} by {formatDate(respondBy)}. If you would rather not give a
        reference, please let them know, so that we do not contact you again.
      </Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  refereeName: 'Pat Jones',
  applicantName: 'Sam Okafor',
  councilName: 'Derby City Council',
  contactName: 'Alex Social Worker',
  contactEmail: 'alex.worker@derby.example',
  respondBy: '2026-04-17',
};
