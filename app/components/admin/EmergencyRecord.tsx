import { SummaryList } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { formatDate } from '~/lib/uk';
import type { EmergencyAccessView } from '~/modules/carers-admin/emergency-access.server';

// Read-only on purpose: emergency access shows the record and offers nothing that could change it.

const dateOr = (value: string | null, fallback = 'Not recorded') => (value ? formatDate(value) : fallback);
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function EmergencyRecord({ view }: { view: EmergencyAccessView }) {
  const { record, memberships, sgoCases } = view;
  const { approval, household, review, ending } = record;
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">{household.displayName} ({household.reference})</h2>
      <SummaryList
        rows={[
          { key: 'Council', value: approval.councilName },
          { key: 'Type of approval', value: approval.approvalTypeLabel },
          { key: 'Approved on', value: formatDate(approval.approvedOn) },
          { key: 'Status', value: approval.status === 'active' ? 'Active' : `Ended${approval.endedOn ? ` on ${formatDate(approval.endedOn)}` : ''}` },
          { key: 'Supervising social worker', value: approval.supervisingWorker ?? 'Not assigned' },
          { key: 'TSD standards due', value: dateOr(approval.tsdDueOn) },
          { key: 'TSD standards met', value: dateOr(approval.tsdMetOn, 'Not yet') },
          { key: 'Next annual review due', value: dateOr(review.nextDueOn, 'None while approval has ended') },
          { key: 'Returned from an earlier approval', value: household.previous ? household.previous.reference : 'No' },
        ]}
      />

      <Table
        caption="Terms of approval and their history"
        columns={[{ header: 'From' }, { header: 'Children', numeric: true }, { header: 'Ages' }, { header: 'Types of care' }, { header: 'Reason' }]}
        rows={record.terms.map((terms) => ({
          id: terms.id,
          cells: [
            `${formatDate(terms.effectiveFrom)}${terms.current ? ' (current)' : ''}`,
            terms.numberOfChildren,
            `${terms.minAge} to ${terms.maxAge}`,
            [...terms.placementKindLabels, ...terms.specialismLabels].join(', ') || 'None recorded',
            terms.reason ?? '—',
          ],
        }))}
      />
      {record.terms.length === 0 ? <p className="mb-8">No terms of approval recorded.</p> : null}

      <Table
        caption="Annual reviews"
        columns={[{ header: 'Due' }, { header: 'Held' }, { header: 'Went to panel' }, { header: 'Outcome' }]}
        rows={record.reviews.map((item) => ({
          id: item.id,
          cells: [dateOr(item.dueOn), dateOr(item.heldOn, 'Not yet held'), yesNo(item.toPanel), item.outcomeLabel ?? '—'],
        }))}
      />
      {record.reviews.length === 0 ? <p className="mb-8">No reviews recorded.</p> : null}

      <Table
        caption="Placements"
        columns={[{ header: 'Started' }, { header: 'Ended' }, { header: 'Children', numeric: true }]}
        rows={record.placements.map((placement) => ({
          id: placement.id,
          cells: [formatDate(placement.startOn), dateOr(placement.endOn, 'Ongoing'), placement.numberOfChildren],
        }))}
      />
      {record.placements.length === 0 ? <p className="mb-8">No placements recorded.</p> : null}

      <Table
        caption="Staying Put arrangements"
        columns={[{ header: 'Young person' }, { header: 'Started' }, { header: 'Ended' }]}
        rows={record.stayingPut.map((arrangement) => ({
          id: arrangement.id,
          cells: [arrangement.youngPersonReference, formatDate(arrangement.startOn), dateOr(arrangement.endOn, 'Ongoing')],
        }))}
      />
      {record.stayingPut.length === 0 ? <p className="mb-8">No Staying Put arrangements recorded.</p> : null}

      <h2 className="mb-4 text-2xl font-bold">Ending of approval</h2>
      {ending ? (
        <SummaryList
          rows={[
            { key: 'Notice received', value: dateOr(ending.noticeReceivedOn) },
            { key: 'Approval ends', value: formatDate(ending.effectiveOn) },
            { key: 'Reason', value: ending.reasonLabel },
            { key: 'Council review route', value: ending.councilRouteLabel ?? 'Not applicable' },
            { key: 'Exit interview', value: ending.exitInterviewLabel },
          ]}
        />
      ) : (
        <p className="mb-8">Approval has not been ended and no notice has been given.</p>
      )}

      <Table
        caption="Mockingbird constellations"
        columns={[{ header: 'Constellation' }, { header: 'Role' }, { header: 'Joined' }, { header: 'Left' }]}
        rows={memberships.map((membership) => ({
          id: membership.id,
          cells: [
            `${membership.constellationName}${membership.constellationClosed ? ' (closed)' : ''}`,
            membership.roleLabel,
            formatDate(membership.joinedOn),
            dateOr(membership.leftOn, 'Still a member'),
          ],
        }))}
      />
      {memberships.length === 0 ? <p className="mb-8">Not a member of any constellation.</p> : null}

      <Table
        caption="SGO support cases"
        columns={[{ header: 'Reference' }, { header: 'Child' }, { header: 'Order made' }, { header: 'Next review' }, { header: 'Status' }]}
        rows={sgoCases.map((supportCase) => ({
          id: supportCase.id,
          cells: [
            supportCase.reference,
            supportCase.childReference,
            formatDate(supportCase.orderDate),
            dateOr(supportCase.nextReviewOn, 'None set'),
            supportCase.status === 'open' ? 'Open' : 'Closed',
          ],
        }))}
      />
      {sgoCases.length === 0 ? <p className="mb-8">No SGO support cases linked to this household.</p> : null}
    </>
  );
}
