import { Link } from '@remix-run/react';
import { formatDate } from '~/lib/uk';
import type { MatchReason, PossibleDuplicate } from '~/modules/enquiries/duplicates.server';

const MATCH_LABELS: Record<MatchReason, string> = {
  email: 'same email address',
  phone: 'same phone number',
  postcodeAndSurname: 'same postcode and surname',
};

/**
 * Records that may be the same household. Those the viewer may open link to their page; the others are only a flag
 * naming who holds them (DOMAIN.md §1.4).
 */
export function PossibleDuplicates({ duplicates }: { duplicates: readonly PossibleDuplicate[] }) {
  return (
    <ul className="mb-8 space-y-4">
      {duplicates.map((duplicate, index) =>
        duplicate.visible ? (
          <li key={duplicate.id} className="border-l-[5px] border-line pl-4">
            <Link to={`/hub/households/${duplicate.id}`} className="font-bold">
              {duplicate.reference}: {duplicate.displayName}
            </Link>
            <p>
              {duplicate.stageLabel}
              {duplicate.councilName ? `, ${duplicate.councilName}` : ''}. Enquired on {formatDate(duplicate.enquiryDate)}.
            </p>
            <p className="text-muted">Matched on the {duplicate.matchedOn.map((reason) => MATCH_LABELS[reason]).join(' and the ')}.</p>
            {duplicate.recent ? (
              <p className="text-muted">Open or recent: a new contact from the same household is merged into it, not counted again.</p>
            ) : null}
          </li>
        ) : (
          <li key={`flag-${index}`} className="border-l-[5px] border-line pl-4">
            {duplicate.flag}
          </li>
        ),
      )}
    </ul>
  );
}
