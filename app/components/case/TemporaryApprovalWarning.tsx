import { formatDateWithWeekday } from '~/lib/uk';
import { weeksAndDays, type TemporaryApprovalWarning as Warning } from '~/modules/households/temporary-approval-warning';

function message({ regulation, endsOn, calendarDaysLeft }: Warning) {
  const approval = regulation === 24 ? 'Temporary approval under Regulation 24' : 'Extended temporary approval under Regulation 25';
  const on = formatDateWithWeekday(endsOn);
  if (calendarDaysLeft < 0) return `${approval} ended on ${on}: ${weeksAndDays(-calendarDaysLeft)} ago.`;
  if (calendarDaysLeft === 0) return `${approval} ends today, ${on}.`;
  return `${approval} ends on ${on}: ${weeksAndDays(calendarDaysLeft)} left.`;
}

/** A kinship placement rests on temporary approval: a lapse means the child must move (DOMAIN.md §3.2). */
export function TemporaryApprovalWarning({ warning }: { warning: Warning }) {
  const ended = warning.calendarDaysLeft < 0;
  return (
    <section aria-labelledby="temporary-approval-heading" className="mb-8 border-[5px] border-danger p-4">
      <h2 id="temporary-approval-heading" className="mb-2 text-xl font-bold">
        {ended ? 'Temporary approval has ended' : 'Temporary approval is running out'}
      </h2>
      <p className="mb-2 text-lg font-bold">{message(warning)}</p>
      <p>
        {ended
          ? 'The child cannot stay in this placement on temporary approval. Record the panel and decision, or end the placement.'
          : 'If it lapses the child must move.'}
      </p>
    </section>
  );
}
