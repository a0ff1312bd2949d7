import { Tag, type TagColour } from '~/components/govuk/Tag';
import type { DueState } from '~/modules/carers/rules';

const TAGS: Record<DueState, { label: string; colour: TagColour }> = {
  overdue: { label: 'Overdue', colour: 'red' },
  dueSoon: { label: 'Due soon', colour: 'yellow' },
  onTrack: { label: 'On track', colour: 'green' },
};

export function DueTag({ state }: { state: DueState }) {
  return <Tag colour={TAGS[state].colour}>{TAGS[state].label}</Tag>;
}
