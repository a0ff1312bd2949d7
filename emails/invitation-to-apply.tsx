import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  firstName: z.string().trim().min(1),
  applyUrl: z.url(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'You are invited to apply to foster';
}

export default function InvitationToApply({ firstName, applyUrl }: Props) {
  return (
    <EmailLayout preview="You can now start your application to foster" heading="You are invited to apply to foster">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>
        Thank you for meeting us. We would like to invite you to apply to become a foster carer.
      </Paragraph>
      <Paragraph>
        The application is made up of sections you can complete in any order. Your answers are saved as you go, so you
        can stop and come back later.
      </Paragraph>
      <ActionLink href={applyUrl}>Start your application</ActionLink>
      <Paragraph>If you have questions, your recruitment officer is happy to help.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = { firstName: 'Sam', applyUrl: 'http://localhost:3000/apply' };
