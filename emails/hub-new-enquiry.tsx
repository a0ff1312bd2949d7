import { z } from 'zod';
import { formatDate } from '~/lib/uk';
import { ActionLink, EmailLayout, Paragraph } from './layout';

// Goes to a shared inbox, so it carries the reference and nothing else about the enquirer: staff open the record
// in the system, where access is checked and audited.
export const schema = z.object({
  reference: z.string().trim().min(1),
  receivedOn: z.iso.date(),
  enquiryUrl: z.url(),
});
type Props = z.infer<typeof schema>;

export function subject({ reference }: Props) {
  return `New enquiry ${reference}`;
}

export default function HubNewEnquiry({ reference, receivedOn, enquiryUrl }: Props) {
  return (
    <EmailLayout preview={`New enquiry ${reference} needs a response`} heading="New enquiry received">
      <Paragraph>
        A new enquiry, reference {reference}, was received on {formatDate(receivedOn)}.
      </Paragraph>
      <Paragraph>The enquirer should hear from us within one working day.</Paragraph>
      <ActionLink href={enquiryUrl}>Open the enquiry</ActionLink>
    </EmailLayout>
  );
}

export const PreviewProps: Props = {
  reference: 'ENQ-2026-000123',
  receivedOn: '2026-04-02',
  enquiryUrl: 'http://localhost:3000/hub/households/preview-id',
};
