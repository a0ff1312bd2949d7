import { z } from 'zod';
import { formatDateWithWeekday } from '~/lib/uk';
import { EmailLayout, Paragraph } from './layout';

// Applicants may attend panel, be heard and bring a supporter (DOMAIN.md §2.2 step 9, NMS 14).
export const schema = z.object({
  firstName: z.string().trim().min(1),
  panelOn: z.iso.date(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'Your fostering panel date';
}

export default function PanelDate({ firstName, panelOn }: Props) {
  return (
    <EmailLayout preview="Your fostering panel date has been booked" heading="Your fostering panel date">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>Your assessment will go to the fostering panel on {formatDateWithWeekday(panelOn)}.</Paragraph>
      <Paragraph>
        You are welcome to attend the panel and speak to its members, and you may bring a supporter with you. Your
        social worker will tell you the time and place, and will send you a copy of the papers the panel will read.
      </Paragraph>
      <Paragraph>After the meeting, the panel makes a recommendation, and the council then writes to you with its decision.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = { firstName: 'Sam', panelOn: '2026-07-02' };
