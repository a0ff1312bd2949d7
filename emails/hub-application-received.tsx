import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { ActionLink, EmailLayout, Paragraph } from './layout';

// Goes to the hub's shared inbox, so like hub-new-enquiry it carries the reference and nothing about the applicant:
// staff open the record in the system, where access is checked and audited.
export const schema = z.object({
  reference: z.string().trim().min(1),
  receivedOn: z.iso.date(),
  householdUrl: z.url(),
});
type Props = z.infer<typeof schema>;

export function subject({ reference }: Props) {
  return `Application received ${reference}`;
}

export default function HubApplicationReceived({ reference, receivedOn, householdUrl }: Props) {
  return (
    <EmailLayout preview={`Application ${reference} has been sent to us`} heading="Application received">
      <Paragraph>
        The household with reference {reference} sent their online application on {formatDate(receivedOn)}.
      </Paragraph>
      <Paragraph>The case is now ready for a council to be proposed.</Paragraph>
      <ActionLink href={householdUrl}>Open the case</ActionLink>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  reference: 'FFEM-2026-000123',
  receivedOn: '2026-04-02',
  householdUrl: 'http://localhost:3000/hub/households/preview-id',
};
