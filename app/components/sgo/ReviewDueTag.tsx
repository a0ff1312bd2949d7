import { Tag } from '~/components/govuk/Tag';
import type { SgoReviewDue } from '~/modules/kinship/sgo';

export function ReviewDueTag({ due }: { due: SgoReviewDue }) {
  switch (due) {
    case 'overdue':
      return <Tag colour="red">Review overdue</Tag>;
    case 'dueSoon':
      return <Tag colour="yellow">Review due soon</Tag>;
    case 'notDue':
      return <Tag colour="green">On track</Tag>;
    case 'none':
      return <Tag colour="grey">No review date</Tag>;
  }
}
