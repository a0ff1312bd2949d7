import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { failureFor, fieldId, type FormFailure } from '~/components/case/form-ids';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { Radios } from '~/components/govuk/Radios';
import { Select } from '~/components/govuk/Select';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { formatDate } from '~/lib/uk';
import type { CarerRecord } from '~/modules/carers/carers.server';
import { COUNCIL_ROUTES, EXIT_INTERVIEW_STATUSES, NOTICE_REASONS, REVIEW_OUTCOMES } from '~/modules/carers/schemas';
import { APPROVAL_SPECIALISMS, PLACEMENT_KINDS } from '~/modules/codes/approval';
import { DEREGISTRATION_REASONS } from '~/modules/codes/deregistration-reasons';

// The small forms of an approved household's record. Each posts its intent and the record's version (the
// optimistic lock), keeps what was typed when refused, and works without JavaScript.

const choicesOf = (list: readonly { code: string; label: string }[]) => list.map((entry) => ({ value: entry.code, label: entry.label }));
const DATE_HINT = 'For example, 27 3 2026';

type FormProps = { failure?: FormFailure; version: number };

function CarerForm({ formKey, summary, failure, version, button, children }: FormProps & { formKey: string; summary: string; button: string; children: ReactNode }) {
  const { failed } = failureFor(formKey, failure);
  return (
    <details id={formKey} open={failed} className="mb-4">
      <summary className="cursor-pointer py-2 text-lg text-brand underline">{summary}</summary>
      <div className="mt-4 border-l-[5px] border-line pl-4">
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value={formKey} />
          <input type="hidden" name="version" value={version} />
          {children}
          <Button>{button}</Button>
        </Form>
      </div>
    </details>
  );
}

export function ReviewForm({ failure, version, today, toPanel }: FormProps & { today: string; toPanel: boolean }) {
  const { errors, values } = failureFor('review', failure);
  return (
    <CarerForm formKey="review" summary="Record a review of approval" failure={failure} version={version} button="Save review">
      {toPanel ? <p className="mb-4">This is the first review since approval, so it goes to the fostering panel.</p> : null}
      <DateInput name="heldOn" id={fieldId('review', 'heldOn')} legend="Date of the review" hint={DATE_HINT} error={errors.heldOn} values={values} defaultDate={today} />
      <Radios name="outcome" id={fieldId('review', 'outcome')} legend="Outcome" items={choicesOf(REVIEW_OUTCOMES)} error={errors.outcome} defaultValue={values.outcome} />
      <Textarea name="notes" id={fieldId('review', 'notes')} label="Notes (optional)" rows={3} error={errors.notes} defaultValue={values.notes ?? ''} />
    </CarerForm>
  );
}

export function TermsForm({ failure, version, today, current }: FormProps & { today: string; current: CarerRecord['terms'][number] | undefined }) {
  const { errors, values, failed } = failureFor('terms', failure);
  const value = (name: 'numberOfChildren' | 'minAge' | 'maxAge') => (failed ? (values[name] ?? '') : String(current?.[name] ?? ''));
  return (
    <CarerForm formKey="terms" summary="Change the terms of approval" failure={failure} version={version} button="Save new terms">
      <DateInput name="effectiveFrom" id={fieldId('terms', 'effectiveFrom')} legend="Date the new terms start" hint={DATE_HINT} error={errors.effectiveFrom} values={values} defaultDate={today} />
      <TextInput name="numberOfChildren" id={fieldId('terms', 'numberOfChildren')} label="Number of children" inputMode="numeric" width="2" error={errors.numberOfChildren} defaultValue={value('numberOfChildren')} />
      <TextInput name="minAge" id={fieldId('terms', 'minAge')} label="Youngest age" inputMode="numeric" width="2" error={errors.minAge} defaultValue={value('minAge')} />
      <TextInput name="maxAge" id={fieldId('terms', 'maxAge')} label="Oldest age" inputMode="numeric" width="2" error={errors.maxAge} defaultValue={value('maxAge')} />
      <Checkboxes name="placementKinds" id={fieldId('terms', 'placementKinds')} legend="Kinds of care" items={choicesOf(PLACEMENT_KINDS)} error={errors.placementKinds}
        defaultValues={failed ? (values.placementKinds ?? '') : (current?.placementKinds ?? [])} />
      <Checkboxes name="specialisms" id={fieldId('terms', 'specialisms')} legend="Specialisms (optional)" items={choicesOf(APPROVAL_SPECIALISMS)} error={errors.specialisms}
        defaultValues={failed ? (values.specialisms ?? '') : (current?.specialisms ?? [])} />
      <Textarea name="reason" id={fieldId('terms', 'reason')} label="Reason for the change" hint="For example, the review recommended it and the decision maker agreed." rows={3}
        error={errors.reason} defaultValue={values.reason ?? ''} />
    </CarerForm>
  );
}

export function SupervisorForm({ failure, version, staff, currentId }: FormProps & { staff: CarerRecord['staff']; currentId: string | null }) {
  const { errors, values, failed } = failureFor('supervisor', failure);
  return (
    <CarerForm formKey="supervisor" summary="Change the supervising social worker" failure={failure} version={version} button="Save supervising social worker">
      <Select name="supervisingWorkerId" id={fieldId('supervisor', 'supervisingWorkerId')} label="Supervising social worker" placeholder="Choose" options={staff}
        error={errors.supervisingWorkerId} defaultValue={failed ? (values.supervisingWorkerId ?? '') : (currentId ?? '')} />
    </CarerForm>
  );
}

export function TsdForm({ failure, version, today }: FormProps & { today: string }) {
  const { errors, values } = failureFor('tsd', failure);
  return (
    <CarerForm formKey="tsd" summary="Record the TSD Standards as met" failure={failure} version={version} button="Save sign-off date">
      <DateInput name="tsdMetOn" id={fieldId('tsd', 'tsdMetOn')} legend="Date the TSD Standards were signed off" hint={DATE_HINT} error={errors.tsdMetOn} values={values} defaultDate={today} />
    </CarerForm>
  );
}

export function PlacementForm({ failure, version }: FormProps) {
  const { errors, values } = failureFor('placement', failure);
  return (
    <CarerForm formKey="placement" summary="Add a placement" failure={failure} version={version} button="Add placement">
      <DateInput name="startOn" id={fieldId('placement', 'startOn')} legend="Start date" hint={DATE_HINT} error={errors.startOn} values={values} />
      <DateInput name="endOn" id={fieldId('placement', 'endOn')} legend="End date (leave empty if it continues)" hint={DATE_HINT} error={errors.endOn} values={values} />
      <TextInput name="numberOfChildren" id={fieldId('placement', 'numberOfChildren')} label="Number of children" inputMode="numeric" width="2" error={errors.numberOfChildren}
        defaultValue={values.numberOfChildren ?? ''} />
    </CarerForm>
  );
}

type Continuing = readonly { id: string; label: string }[];

export function EndContinuingForm({ failure, version, kind, items }: FormProps & { kind: 'endPlacement' | 'endStayingPut'; items: Continuing }) {
  const { errors, values } = failureFor(kind, failure);
  const idField = kind === 'endPlacement' ? 'placementId' : 'stayingPutId';
  return (
    <CarerForm
      formKey={kind}
      summary={kind === 'endPlacement' ? 'Record the end of a placement' : 'Record the end of a Staying Put arrangement'}
      failure={failure}
      version={version}
      button="Save end date"
    >
      <Select name={idField} id={fieldId(kind, idField)} label={kind === 'endPlacement' ? 'Placement' : 'Arrangement'} placeholder="Choose"
        options={items.map((item) => ({ value: item.id, label: item.label }))} error={errors[idField]} defaultValue={values[idField] ?? ''} />
      <DateInput name="endOn" id={fieldId(kind, 'endOn')} legend="End date" hint={DATE_HINT} error={errors.endOn} values={values} />
    </CarerForm>
  );
}

export function StayingPutForm({ failure, version }: FormProps) {
  const { errors, values } = failureFor('stayingPut', failure);
  return (
    <CarerForm formKey="stayingPut" summary="Add a Staying Put arrangement" failure={failure} version={version} button="Add arrangement">
      <TextInput name="youngPersonReference" id={fieldId('stayingPut', 'youngPersonReference')} label="Young person’s reference" hint="The council’s reference, not their name"
        width="10" error={errors.youngPersonReference} defaultValue={values.youngPersonReference ?? ''} />
      <DateInput name="startOn" id={fieldId('stayingPut', 'startOn')} legend="Start date" hint={DATE_HINT} error={errors.startOn} values={values} />
      <DateInput name="endOn" id={fieldId('stayingPut', 'endOn')} legend="End date (leave empty if it continues)" hint={DATE_HINT} error={errors.endOn} values={values} />
    </CarerForm>
  );
}

export function NoticeForm({ failure, version, today, example }: FormProps & { today: string; example: CarerRecord['noticeExample'] }) {
  const { errors, values } = failureFor('notice', failure);
  return (
    <CarerForm formKey="notice" summary="Record the carer’s resignation" failure={failure} version={version} button="Record resignation">
      <p className="mb-4">
        Approval ends 28 days after the council receives written notice. For notice received on {formatDate(example.receivedOn)}, approval ends on{' '}
        {formatDate(example.effectiveOn)}. The household stays approved until then.
      </p>
      <DateInput name="noticeReceivedOn" id={fieldId('notice', 'noticeReceivedOn')} legend="Date the notice was received" hint={DATE_HINT} error={errors.noticeReceivedOn}
        values={values} defaultDate={today} />
      <Select name="primaryReason" id={fieldId('notice', 'primaryReason')} label="Main reason for leaving" placeholder="Choose" options={choicesOf(NOTICE_REASONS)}
        error={errors.primaryReason} defaultValue={values.primaryReason ?? ''} />
      <Textarea name="details" id={fieldId('notice', 'details')} label="More about the reason (optional)" rows={3} error={errors.details} defaultValue={values.details ?? ''} />
    </CarerForm>
  );
}

export function CouncilEndingForm({ failure, version, reviews }: FormProps & { reviews: CarerRecord['terminationReviews'] }) {
  const { errors, values } = failureFor('councilEnding', failure);
  return (
    <CarerForm formKey="councilEnding" summary="Record that the council is ending approval" failure={failure} version={version} button="Record the end of approval">
      <p className="mb-4">
        A termination follows a review that proposed it and a qualifying determination. Unless the carer agrees, approval ends only after the 28-day window for
        representations or an application to the Independent Review Mechanism.
      </p>
      <Select name="primaryReason" id={fieldId('councilEnding', 'primaryReason')} label="Reason approval is ending" placeholder="Choose" options={choicesOf(DEREGISTRATION_REASONS)}
        error={errors.primaryReason} defaultValue={values.primaryReason ?? ''} />
      <Select name="reviewId" id={fieldId('councilEnding', 'reviewId')} label="Review that proposed ending approval (for a termination)" placeholder="Choose"
        options={reviews.map((review) => ({ value: review.id, label: `Review held on ${formatDate(review.heldOn)}` }))} error={errors.reviewId} defaultValue={values.reviewId ?? ''} />
      <DateInput name="qdLetterOn" id={fieldId('councilEnding', 'qdLetterOn')} legend="Date of the qualifying determination letter (for a termination)" hint={DATE_HINT}
        error={errors.qdLetterOn} values={values} />
      <Radios name="councilRoute" id={fieldId('councilEnding', 'councilRoute')} legend="How the 28-day window closed (for a termination)" items={choicesOf(COUNCIL_ROUTES)}
        error={errors.councilRoute} defaultValue={values.councilRoute} />
      <DateInput name="effectiveOn" id={fieldId('councilEnding', 'effectiveOn')} legend="Date approval ends" hint={DATE_HINT} error={errors.effectiveOn} values={values} />
      <Textarea name="details" id={fieldId('councilEnding', 'details')} label="More about the reason (optional)" rows={3} error={errors.details} defaultValue={values.details ?? ''} />
    </CarerForm>
  );
}

export function ExitInterviewForm({ failure, version, current }: FormProps & { current: string }) {
  const { errors, values, failed } = failureFor('exitInterview', failure);
  return (
    <CarerForm formKey="exitInterview" summary="Record the exit interview" failure={failure} version={version} button="Save exit interview">
      <Radios name="exitInterview" id={fieldId('exitInterview', 'exitInterview')} legend="Exit interview" items={choicesOf(EXIT_INTERVIEW_STATUSES)} error={errors.exitInterview}
        defaultValue={failed ? values.exitInterview : current} />
      <p className="mb-4">If the interview took place, answer these too.</p>
      <DateInput name="heldOn" id={fieldId('exitInterview', 'heldOn')} legend="Date of the interview" hint={DATE_HINT} error={errors.heldOn} values={values} />
      <Checkboxes name="reasons" id={fieldId('exitInterview', 'reasons')} legend="Reasons they gave for leaving" items={choicesOf(DEREGISTRATION_REASONS)} error={errors.reasons}
        defaultValues={values.reasons ?? ''} />
      <Radios name="wouldReturn" id={fieldId('exitInterview', 'wouldReturn')} legend="Would they consider fostering with the council again?" inline
        items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} error={errors.wouldReturn} defaultValue={values.wouldReturn} />
      <Radios name="wouldRecommend" id={fieldId('exitInterview', 'wouldRecommend')} legend="Would they recommend fostering with the council?" inline
        items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} error={errors.wouldRecommend} defaultValue={values.wouldRecommend} />
      <Textarea name="comments" id={fieldId('exitInterview', 'comments')} label="Comments (optional)" rows={3} error={errors.comments} defaultValue={values.comments ?? ''} />
    </CarerForm>
  );
}

export function ReentryForm({ failure, version }: FormProps) {
  const { errors } = failureFor('reentry', failure);
  return (
    <Form id="reentry" method="post" noValidate className="mb-8">
      <input type="hidden" name="intent" value="reentry" />
      <input type="hidden" name="version" value={version} />
      {errors.form ? <p className="mb-4 font-bold text-danger">{errors.form}</p> : null}
      <Button variant="secondary">Start a new enquiry for this household</Button>
    </Form>
  );
}
