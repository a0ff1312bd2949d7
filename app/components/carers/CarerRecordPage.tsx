import { Link } from '@remix-run/react';
import { errorsById, type FormFailure } from '~/components/case/form-ids';
import { BackLink } from '~/components/govuk/BackLink';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList, type SummaryListRow } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { formatDate } from '~/lib/uk';
import type { CarerRecord } from '~/modules/carers/carers.server';
import { deregistrationReasonLabel } from '~/modules/codes/deregistration-reasons';
import { DueTag } from './DueTag';
import {
  CouncilEndingForm,
  EndContinuingForm,
  ExitInterviewForm,
  NoticeForm,
  PlacementForm,
  ReentryForm,
  ReviewForm,
  StayingPutForm,
  SupervisorForm,
  TermsForm,
  TsdForm,
} from './CarerForms';

type Props = { record: CarerRecord; notice: string | null; failure?: FormFailure };

const yesNo = (answer: boolean) => (answer ? 'Yes' : 'No');

function statusTag(record: CarerRecord) {
  if (record.approval.status === 'ended') return <Tag colour="grey">Approval ended {record.approval.endedOn ? formatDate(record.approval.endedOn) : ''}</Tag>;
  if (record.ending) return <Tag colour="orange">Approved until {formatDate(record.ending.effectiveOn)}</Tag>;
  return <Tag colour="green">Approved</Tag>;
}

function approvalRows(record: CarerRecord): SummaryListRow[] {
  const { approval, review } = record;
  return [
    { key: 'Reference', value: record.household.reference },
    { key: 'Council', value: approval.councilName },
    { key: 'Type of approval', value: approval.approvalTypeLabel },
    { key: 'Approved on', value: formatDate(approval.approvedOn) },
    { key: 'Supervising social worker', value: approval.supervisingWorker ?? 'Not assigned' },
    {
      key: 'Next review due',
      value: review.nextDueOn ? (
        <>
          {formatDate(review.nextDueOn)} {review.state ? <DueTag state={review.state} /> : null}
          {review.nextGoesToPanel ? <span className="block">The first review goes to the fostering panel.</span> : null}
        </>
      ) : (
        'No more reviews: approval has ended'
      ),
    },
    {
      key: `TSD Standards (due within ${approval.kinship ? '18' : '12'} months)`,
      value: approval.tsdMetOn ? (
        `Met on ${formatDate(approval.tsdMetOn)}`
      ) : approval.tsdDueOn ? (
        <>
          Due {formatDate(approval.tsdDueOn)} {approval.tsdState ? <DueTag state={approval.tsdState} /> : null}
        </>
      ) : (
        'Not set'
      ),
    },
    ...temporaryApprovalRows(approval.temporaryApproval),
  ];
}

function temporaryApprovalRows(temporary: CarerRecord['approval']['temporaryApproval']): SummaryListRow[] {
  if (!temporary) return [];
  return [
    {
      key: 'Temporary approval before full approval (Regulation 24)',
      value: (
        <>
          From {formatDate(temporary.startOn)} to {formatDate(temporary.reg24EndOn)} (16 weeks)
          {temporary.extensionEndOn ? (
            <span className="block">Extended under Regulation 25 to {formatDate(temporary.extensionEndOn)}</span>
          ) : null}
          {temporary.approvedBeforeLapse ? (
            <span className="block">Fully approved before the temporary approval ended.</span>
          ) : (
            <span className="block">
              <Tag colour="red">Lapsed</Tag> Full approval came after the temporary approval ended on {formatDate(temporary.lastDayOn)}.
            </span>
          )}
        </>
      ),
    },
  ];
}

function History({ record }: { record: CarerRecord }) {
  const { previous, returns } = record.household;
  if (!previous && returns.length === 0) return null;
  return (
    <InsetText>
      {previous ? (
        <p className="mb-2">
          This household fostered with the council before, as {previous.reference}
          {previous.approvedOn ? `, approved ${formatDate(previous.approvedOn)}` : ''}
          {previous.endedOn ? ` until ${formatDate(previous.endedOn)}` : ''}.{' '}
          {previous.approvalId ? <Link to={`/council/carers/${previous.approvalId}`}>See the earlier approval</Link> : null}
        </p>
      ) : null}
      {returns.map((later) => (
        <p key={later.id} className="mb-2">
          Came back as a new enquiry, {later.reference}, on {formatDate(later.enquiryDate)} ({later.stageLabel}).
        </p>
      ))}
    </InsetText>
  );
}

export function CarerRecordPage({ record, notice, failure }: Props) {
  const { permissions } = record;
  const active = record.approval.status === 'active';
  const canWrite = permissions.manage && active;
  const errors = failure && !failure.conflict ? errorsById(failure.form, failure.fieldErrors) : {};
  const currentTerms = record.terms.find((terms) => terms.current);
  const version = record.version;
  const continuingPlacements = record.placements
    .filter((placement) => placement.endOn === null)
    .map((placement) => ({ id: placement.id, label: `Started ${formatDate(placement.startOn)}, ${placement.numberOfChildren} ${placement.numberOfChildren === 1 ? 'child' : 'children'}` }));
  const continuingStayingPut = record.stayingPut
    .filter((arrangement) => arrangement.endOn === null)
    .map((arrangement) => ({ id: arrangement.id, label: `${arrangement.youngPersonReference}, started ${formatDate(arrangement.startOn)}` }));
  return (
    <>
      <BackLink to="/council/carers">Back to approved carers</BackLink>
      {failure?.conflict ? (
        <NotificationBanner title="This record has changed">
          <p>{failure.conflict}</p>
          <p className="font-normal">Nothing was saved.</p>
        </NotificationBanner>
      ) : notice && !failure ? (
        <NotificationBanner variant="success">{notice}</NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />

      <PageHeading caption="Approved household">{record.household.displayName}</PageHeading>
      <p className="mb-8">{statusTag(record)}</p>
      <History record={record} />

      <h2 className="mb-4 text-2xl font-bold">Approval</h2>
      <SummaryList rows={approvalRows(record)} />
      {permissions.assignSupervisor ? <SupervisorForm failure={failure} version={version} staff={record.staff} currentId={record.approval.supervisingWorkerId} /> : null}
      {canWrite && !record.approval.tsdMetOn ? <TsdForm failure={failure} version={version} today={record.today} /> : null}

      <h2 className="mb-4 mt-8 text-2xl font-bold">Terms of approval</h2>
      {currentTerms ? (
        <SummaryList
          rows={[
            { key: 'From', value: formatDate(currentTerms.effectiveFrom) },
            { key: 'Number of children', value: String(currentTerms.numberOfChildren) },
            { key: 'Age range', value: `${currentTerms.minAge} to ${currentTerms.maxAge}` },
            { key: 'Kinds of care', value: currentTerms.placementKindLabels.join(', ') || 'None recorded' },
            { key: 'Specialisms', value: currentTerms.specialismLabels.join(', ') || 'None' },
            ...(currentTerms.namedChildren.length > 0 ? [{ key: 'Named children', value: currentTerms.namedChildren.join(', ') }] : []),
          ]}
        />
      ) : (
        <p className="mb-4">No terms recorded.</p>
      )}
      {record.terms.length > 1 ? (
        <Table
          caption="Earlier terms of approval"
          columns={[{ header: 'From' }, { header: 'Children', numeric: true }, { header: 'Ages' }, { header: 'Reason for the change' }]}
          rows={record.terms.map((terms) => ({
            id: terms.id,
            cells: [formatDate(terms.effectiveFrom), String(terms.numberOfChildren), `${terms.minAge} to ${terms.maxAge}`, terms.reason ?? 'At approval'],
          }))}
        />
      ) : null}
      {canWrite ? <TermsForm failure={failure} version={version} today={record.today} current={currentTerms} /> : null}

      <h2 className="mb-4 mt-8 text-2xl font-bold">Reviews of approval</h2>
      {record.reviews.length === 0 ? (
        <p className="mb-4">No reviews have been recorded yet.</p>
      ) : (
        <Table
          caption="Reviews of approval"
          captionIsVisuallyHidden
          columns={[{ header: 'Held on' }, { header: 'Due' }, { header: 'Panel' }, { header: 'Outcome' }, { header: 'Notes' }]}
          rows={record.reviews.map((review) => ({
            id: review.id,
            cells: [
              review.heldOn ? formatDate(review.heldOn) : 'Not held',
              formatDate(review.dueOn),
              review.toPanel ? 'Yes' : 'No',
              review.outcomeLabel ?? 'Not recorded',
              review.notes ?? '',
            ],
          }))}
        />
      )}
      {canWrite ? <ReviewForm failure={failure} version={version} today={record.today} toPanel={record.review.nextGoesToPanel} /> : null}

      <h2 className="mb-4 mt-8 text-2xl font-bold">Placements</h2>
      {record.placements.length === 0 ? (
        <p className="mb-4">No placements have been recorded.</p>
      ) : (
        <Table
          caption="Placements, in summary"
          captionIsVisuallyHidden
          columns={[{ header: 'Started' }, { header: 'Ended' }, { header: 'Children', numeric: true }]}
          rows={record.placements.map((placement) => ({
            id: placement.id,
            cells: [formatDate(placement.startOn), placement.endOn ? formatDate(placement.endOn) : 'Continuing', String(placement.numberOfChildren)],
          }))}
        />
      )}
      {canWrite ? <PlacementForm failure={failure} version={version} /> : null}
      {canWrite && continuingPlacements.length > 0 ? (
        <EndContinuingForm failure={failure} version={version} kind="endPlacement" items={continuingPlacements} />
      ) : null}

      <h2 className="mb-4 mt-8 text-2xl font-bold">Staying Put</h2>
      {record.stayingPut.length === 0 ? (
        <p className="mb-4">No Staying Put arrangements have been recorded.</p>
      ) : (
        <Table
          caption="Staying Put arrangements"
          captionIsVisuallyHidden
          columns={[{ header: 'Young person’s reference' }, { header: 'Started' }, { header: 'Ended' }]}
          rows={record.stayingPut.map((arrangement) => ({
            id: arrangement.id,
            cells: [arrangement.youngPersonReference, formatDate(arrangement.startOn), arrangement.endOn ? formatDate(arrangement.endOn) : 'Continuing'],
          }))}
        />
      )}
      {permissions.manage ? <StayingPutForm failure={failure} version={version} /> : null}
      {permissions.manage && continuingStayingPut.length > 0 ? (
        <EndContinuingForm failure={failure} version={version} kind="endStayingPut" items={continuingStayingPut} />
      ) : null}

      <h2 className="mb-4 mt-8 text-2xl font-bold">Leaving fostering</h2>
      {record.ending ? (
        <>
          <SummaryList
            rows={[
              // Imported endings carry no notice; only a notice makes it the carer's resignation (reg 28(13)).
              { key: 'Ended by', value: record.ending.noticeReceivedOn ? 'The carer resigned' : 'The council' },
              ...(record.ending.noticeReceivedOn ? [{ key: 'Notice received', value: formatDate(record.ending.noticeReceivedOn) }] : []),
              { key: 'Approval ends', value: formatDate(record.ending.effectiveOn) },
              { key: 'Main reason', value: record.ending.reasonLabel },
              ...(record.ending.details ? [{ key: 'More about the reason', value: record.ending.details }] : []),
              ...(record.ending.qdLetterOn ? [{ key: 'Qualifying determination letter', value: formatDate(record.ending.qdLetterOn) }] : []),
              ...(record.ending.councilRouteLabel ? [{ key: 'Representations and IRM', value: record.ending.councilRouteLabel }] : []),
              { key: 'Exit interview', value: record.ending.exitInterviewLabel },
              ...(record.ending.exitAnswers
                ? [
                    { key: 'Interview held', value: formatDate(record.ending.exitAnswers.heldOn) },
                    { key: 'Reasons they gave', value: record.ending.exitAnswers.reasons.map(deregistrationReasonLabel).join(', ') },
                    { key: 'Would foster with the council again', value: yesNo(record.ending.exitAnswers.wouldReturn) },
                    { key: 'Would recommend fostering with the council', value: yesNo(record.ending.exitAnswers.wouldRecommend) },
                    ...(record.ending.exitAnswers.comments ? [{ key: 'Comments', value: record.ending.exitAnswers.comments }] : []),
                  ]
                : []),
            ]}
          />
          {permissions.manage ? <ExitInterviewForm failure={failure} version={version} current={record.ending.exitInterview} /> : null}
          {permissions.manage && !active && !record.household.returns.some((later) => later.open) ? (
            <>
              <p className="mb-4">If the household wants to foster again, start a new enquiry for the hub. It stays linked to this record.</p>
              <ReentryForm failure={failure} version={version} />
            </>
          ) : null}
        </>
      ) : (
        <>
          <p className="mb-4">No ending has been recorded. The household is approved.</p>
          {canWrite ? <NoticeForm failure={failure} version={version} today={record.today} example={record.noticeExample} /> : null}
          {permissions.endApproval && active ? <CouncilEndingForm failure={failure} version={version} reviews={record.terminationReviews} /> : null}
        </>
      )}
    </>
  );
}
