import { z } from 'zod';
import { EmailLayout, Paragraph } from './layout';

// The reason is not repeated: it may be personal, and the person already knows it.
export const schema = z.object({ firstName: z.string().trim().min(1) });
type Props = z.infer<typeof schema>;

export function subject() {
  return 'You have withdrawn from fostering with us';
}

export default function WithdrawalConfirmation({ firstName }: Props) {
  return (
    <EmailLayout preview="We have closed your fostering record" heading="We are sorry to see you go">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>
        We are sorry to see you go. As you asked, we have stopped your enquiry or application to foster and will not
        contact you about it again.
      </Paragraph>
      <Paragraph>
        Thank you for the time you gave us. If your circumstances change, you can come back to us at any time: just get
        in touch and we will be glad to hear from you.
      </Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = { firstName: 'Sam' };
