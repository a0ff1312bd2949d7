import { Tag, type TagColour } from '~/components/govuk/Tag';
import { formatDate, formatDateTime } from '~/lib/uk';
import type { TimelineEntry } from '~/modules/households/timeline.server';

const EMAIL_STATUS: Record<string, { label: string; colour: TagColour }> = {
  pending: { label: 'Queued', colour: 'blue' },
  sending: { label: 'Sending', colour: 'yellow' },
  sent: { label: 'Sent', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
};

function byLine(name: string | null) {
  return name ? ` by ${name}` : '';
}

function EntryBody({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'stageChange':
      return (
        <>
          <h3 className="font-bold">
            Stage changed{entry.fromLabel ? ` from ${entry.fromLabel}` : ''} to {entry.toLabel}
          </h3>
          <p className="text-muted">
            {formatDate(entry.occurredOn)}
            {byLine(entry.byName)}
          </p>
          {entry.reason ? <p className="whitespace-pre-line">Reason: {entry.reason}</p> : null}
        </>
      );
    case 'contact':
      return (
        <>
          <h3 className="font-bold">
            Contact attempt: {entry.channelLabel}, {entry.outcomeLabel.toLowerCase()}
          </h3>
          <p className="text-muted">
            {formatDateTime(entry.at)}
            {byLine(entry.byName)}
          </p>
          {entry.summary ? <p className="whitespace-pre-line">{entry.summary}</p> : null}
        </>
      );
    case 'note':
      return (
        <>
          <h3 className="font-bold">
            Note{' '}
            {entry.restricted ? <Tag colour="red">Restricted</Tag> : null}{' '}
            {entry.peerSupport ? <Tag colour="purple">Peer support</Tag> : null}
          </h3>
          <p className="text-muted">
            {formatDateTime(entry.at)}
            {byLine(entry.byName)}
          </p>
          <p className="whitespace-pre-line">{entry.body}</p>
        </>
      );
    case 'email': {
      const status = EMAIL_STATUS[entry.status] ?? { label: entry.status, colour: 'grey' as const };
      return (
        <>
          <h3 className="font-bold">
            Email: {entry.templateLabel} <Tag colour={status.colour}>{status.label}</Tag>
          </h3>
          <p className="text-muted">
            Queued {formatDateTime(entry.at)}
            {entry.sentAt ? `; sent ${formatDateTime(entry.sentAt)}` : ''}
          </p>
        </>
      );
    }
  }
}

/** Stage changes, contact attempts, notes and emails, newest first. */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <p className="mb-8">Nothing has been recorded yet.</p>;
  return (
    <ol className="mb-8 border-l-4 border-line" aria-label="Timeline, newest first">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="mb-6 pl-4" data-kind={entry.kind}>
          <EntryBody entry={entry} />
        </li>
      ))}
    </ol>
  );
}
