import { z } from 'zod';
import { formatDateWithWeekday } from '~/lib/uk';
import { EmailLayout, Paragraph } from './layout';

// The date only: the address is the household's own, and the visitor's name may change before the day.
export const schema = z.object({
  firstName: z.string().trim().min(1),
  visitOn: z.iso.date(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'Your initial visit about fostering is booked';
}

export default function InitialVisitConfirmation({ firstName, visitOn }: Props) {
  return (
    <EmailLayout preview="We have booked your initial visit about fostering" heading="Your initial visit is booked">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>Thank you for talking to us about fostering. Your initial visit is booked for {formatDateWithWeekday(visitOn)}.</Paragraph>
      <Paragraph>
        One of our team will come to your home to tell you more about fostering, answer your questions and get to know
        you and the people you live with. It is an informal conversation, and there is no commitment.
      </Paragraph>
      <Paragraph>If the date no longer suits you, please call us and we will find another.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = { firstName: 'Sam', visitOn: '2026-04-14' };
