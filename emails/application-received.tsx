import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { ActionLink, EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  firstName: z.string().trim().min(1),
  receivedOn: z.iso.date(),
  progressUrl: z.url(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'We have received your application to foster';
}

export default function ApplicationReceived({ firstName, receivedOn, progressUrl }: Props) {
  return (
    <EmailLayout preview="Thank you for your application to foster" heading="We have received your application">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>Thank you for applying to become a foster carer. We received your application on {formatDate(receivedOn)}.</Paragraph>
      <Paragraph>
        What happens next: we will pass your application to one of the four councils in the East Midlands, usually the
        one where you live. A social worker from that council will then contact you to start your assessment.
      </Paragraph>
      <ActionLink href={progressUrl}>See your progress</ActionLink>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  firstName: 'Sam',
  receivedOn: '2026-02-10',
  progressUrl: 'http://localhost:3000/apply',
};
