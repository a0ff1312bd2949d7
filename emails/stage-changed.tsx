import { z } from 'zod';
import { ActionLink, EmailLayout, Paragraph } from './layout';

// Deliberately generic: the stage label is all it says, so no assessment detail ever sits in an inbox.
export const schema = z.object({
  firstName: z.string().trim().min(1),
  stageLabel: z.string().trim().min(1),
  progressUrl: z.url(),
});
type Props = z.infer<typeof schema>;

export function subject() {
  return 'Your fostering application has moved on';
}

export default function StageChanged({ firstName, stageLabel, progressUrl }: Props) {
  return (
    <EmailLayout preview="There is an update on your fostering application" heading="Your application has moved on">
      <Paragraph>Dear {firstName},</Paragraph>
      <Paragraph>Your application to foster has moved on to a new stage: {stageLabel}.</Paragraph>
      <ActionLink href={progressUrl}>See your progress</ActionLink>
      <Paragraph>Your social worker will be in touch about what happens next.</Paragraph>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  firstName: 'Sam',
  stageLabel: 'Assessment stage 2',
  progressUrl: 'http://localhost:3000/apply/progress',
};
