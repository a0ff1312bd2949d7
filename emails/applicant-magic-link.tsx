import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

export const schema = z.object({
  signInUrl: z.url(),
  expiresInMinutes: z.number().int().positive(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'Your sign-in link for your fostering application';
}

export default function ApplicantMagicLink({ signInUrl, expiresInMinutes }: Props) {
  return (
    <EmailLayout preview="Sign in to carry on with your fostering application" heading="Sign in to your application">
      <Paragraph>Use this link to sign in and carry on with your application to foster:</Paragraph>
      <ActionLink href={signInUrl}>Sign in to your application</ActionLink>
      <Paragraph>
        The link expires in {expiresInMinutes} minutes and works once. If it has expired, ask for a new one from the
        sign-in page.
      </Paragraph>
      <Paragraph>If you did not ask to sign in, you can ignore this email.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  signInUrl: 'http://localhost:3000/login/verify?token=preview-token',
  expiresInMinutes: 15,
};
