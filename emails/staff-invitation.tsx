import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  name: z.string().trim().min(1),
  roleLabel: z.string().trim().min(1),
  setPasswordUrl: z.url(),
  expiresInHours: z.number().int().positive(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'You have been given an account on the Foster for East Midlands system';
}

export default function StaffInvitation({ name, roleLabel, setPasswordUrl, expiresInHours }: Props) {
  return (
    <EmailLayout preview="Set your password to start using your account" heading="Set your password">
      <Paragraph>Dear {name},</Paragraph>
      <Paragraph>
        You have been given an account on the Foster for East Midlands case management system as: {roleLabel}.
      </Paragraph>
      <Paragraph>To start using it, set your password:</Paragraph>
      <ActionLink href={setPasswordUrl}>Set your password</ActionLink>
      <Paragraph>
        This link expires in {expiresInHours} hours and works once. If it has expired, ask your administrator to send a
        new invitation.
      </Paragraph>
      <Paragraph>If you were not expecting this email, you can ignore it.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  name: 'Jo Example',
  roleLabel: 'Hub recruitment officer',
  setPasswordUrl: 'http://localhost:3000/set-password?token=preview-token',
  expiresInHours: 72,
};
