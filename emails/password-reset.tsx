import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  resetUrl: z.url(),
  expiresInMinutes: z.number().int().positive(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'Reset your password';
}

export default function PasswordReset({ resetUrl, expiresInMinutes }: Props) {
  return (
    <EmailLayout preview="Use this link to choose a new password" heading="Reset your password">
      <Paragraph>We received a request to reset the password for your account.</Paragraph>
      <ActionLink href={resetUrl}>Choose a new password</ActionLink>
      <Paragraph>This link expires in {expiresInMinutes} minutes and works once.</Paragraph>
      <Paragraph>
        If you did not ask to reset your password, you can ignore this email: your password has not changed.
      </Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  resetUrl: 'http://localhost:3000/reset-password?token=preview-token',
  expiresInMinutes: 60,
};
