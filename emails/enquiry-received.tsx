import { z } from 'zod';
import { EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  firstName: z.string().trim().min(1),
  reference: z.string().trim().min(1),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'We have received your enquiry about fostering';
}

export default function EnquiryReceived({ firstName, reference }: Props) {
  return (
    <EmailLayout preview="Thank you for your enquiry about fostering" heading="We have received your enquiry">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>Thank you for asking about fostering with your local council in the East Midlands.</Paragraph>
      <Paragraph>Your enquiry reference is {reference}. Please quote it if you contact us.</Paragraph>
      <Paragraph>
        Someone from our team will get in touch within one working day to talk about fostering and answer your questions.
        There is no commitment at this stage.
      </Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = { firstName: 'Sam', reference: 'ENQ-2026-000123' };
