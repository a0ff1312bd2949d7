import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { EmailLayout, Paragraph } from './layout';

// Goes to a referee the applicant named (DOMAIN.md §2.2 step 7). The subject names only the council; the body names
// the applicant, because the referee must know whom the request is about. Nothing from the assessment is included.
export const schema = z.object({
  refereeName: z.string().trim().min(1),
  applicantName: z.string().trim().min(1),
  councilName: z.string().trim().min(1),
  contactName: z.string().trim().min(1),
  contactEmail: z.email(),
  respondBy: z.iso.date(),
});
type Props = z.infer<typeof schema>;

export function subject({ councilName }: Props) {
  return `Reference request from ${councilName} fostering service`;
}

export default function ReferenceRequest({ refereeName, applicantName, councilName, contactName, contactEmail, respondBy }: Props) {
  return (
    <EmailLayout preview="We would like to ask you for a reference" heading="Can you give a reference?">
      <Paragraph>Dear {refereeName},</Paragraph>
      <Paragraph>
        {applicantName} has applied to become a foster carer with {councilName} and has given us your name. As part of
        the checks the law requires, we would like to hear from you about them.
      </Paragraph>
      <Paragraph>
        Please contact {contactName}, the social worker carrying out the assessment, at {contactEmail} by{' '}
        {formatDate(respondBy)} to arrange a conversation or to send a written reference. If you would rather not give a
        reference, please let them know.
      </Paragraph>
      <Paragraph>What you tell us is kept confidential and used only for the assessment.</Paragraph>
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
