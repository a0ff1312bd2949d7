import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

// Sent to the second applicant when the first invites them (issue 5 "joint applicants"): who asked, what is theirs to
// fill in, and their own one-time sign-in link.
export const schema = z.object({
  firstName: z.string().trim().min(1),
  inviterName: z.string().trim().min(1),
  signInUrl: z.url(),
  expiresInDays: z.number().int().positive(),
  signInPageUrl: z.url(),
});
type Props = z.infer<typeof schema>;

// No names in the subject: subjects show on lock screens and in mail logs.
export function subject() {
  return 'You are invited to apply to foster together';
}

export default function JointApplicantInvitation({ firstName, inviterName, signInUrl, expiresInDays, signInPageUrl }: Props) {
  return (
    <EmailLayout preview="Sign in and fill in the sections about you" heading="You are invited to apply to foster together">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>
        {inviterName} has started an application to foster with Foster for East Midlands and has named you as the person
        applying with them.
      </Paragraph>
      <Paragraph>
        The sections about your home and household are shared, and {inviterName} may already have filled them in. A few
        sections are about you alone: about you, your employment, your health and your consent to checks. Only you can
        fill those in, and the application can be sent once you have.
      </Paragraph>
      <ActionLink href={signInUrl}>Sign in and fill in your sections</ActionLink>
      <Paragraph>
        This link works once and expires in {expiresInDays} {expiresInDays === 1 ? 'day' : 'days'}. After that, or to
        sign in again later, ask for a new link with this email address at {signInPageUrl}.
      </Paragraph>
      <Paragraph>If you did not expect this email, you can ignore it, or tell us by replying.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  firstName: 'Sam',
  inviterName: 'Jo Bloggs',
  signInUrl: 'http://localhost:3000/login/verify?token=preview-token',
  expiresInDays: 7,
  signInPageUrl: 'http://localhost:3000/apply/sign-in',
};
