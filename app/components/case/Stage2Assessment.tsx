import { Form } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { Radios } from '~/components/govuk/Radios';
import { Select } from '~/components/govuk/Select';
import { SummaryList } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { formatDate } from '~/lib/uk';
import { SESSION_STATUSES } from '~/modules/assessment/stage2';
import type { Stage2Section } from '~/modules/assessment/stage2.server';
import { Disclosure } from './CaseworkForms';
import { failureFor, fieldId, type FormFailure } from './form-ids';

type Props = { section: Stage2Section; today: string; failure?: FormFailure };

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The version the page was built from, or the one the refused post carried, so a stale page stays stale. */
const versionOf = (section: Stage2Section, values: Record<string, string>) => values.version ?? String(section.version);

function DetailsForm({ section, failure }: Omit<Props, 'today'>) {
  const { errors, values, failed } = failureFor('stage2Details', failure);
  return (
    <Disclosure id="stage2Details" summary="Change the assessor or peer support buddy" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="stage2Details" />
        <input type="hidden" name="version" value={versionOf(section, values)} />
        <Select name="assessorId" id={fieldId('stage2Details', 'assessorId')} label="Assessing social worker" placeholder="Not assigned"
          options={section.assessors} error={errors.assessorId} defaultValue={failed ? (values.assessorId ?? '') : (section.assessorId ?? '')} />
        <TextInput name="peerBuddy" id={fieldId('stage2Details', 'peerBuddy')} label="Peer support buddy (optional)"
          hint="The approved carer household matched with them, for example ‘The Patel household, Alvaston’" error={errors.peerBuddy}
          defaultValue={failed ? (values.peerBuddy ?? '') : (section.peerBuddy ?? '')} />
        <Button>Save Stage 2 details</Button>
      </Form>
    </Disclosure>
  );
}

function SessionForm({ section, today, failure }: Props) {
  const { errors, values, failed } = failureFor('stage2Session', failure);
  return (
    <Disclosure id="stage2Session" summary="Record an assessment session" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="stage2Session" />
        <input type="hidden" name="version" value={versionOf(section, values)} />
        <DateInput name="sessionOn" id={fieldId('stage2Session', 'sessionOn')} legend="Date of the session" hint="For example, 27 3 2026"
          error={errors.sessionOn} values={values} defaultDate={failed ? undefined : today} />
        <Radios name="status" id={fieldId('stage2Session', 'status')} legend="Was the session held?" inline
          items={SESSION_STATUSES.map((entry) => ({ value: entry.code, label: entry.label }))} error={errors.status} defaultValue={values.status} />
        <Textarea name="note" id={fieldId('stage2Session', 'note')} label="Note (optional)" rows={3} error={errors.note} defaultValue={values.note ?? ''} />
        <Button>Record session</Button>
      </Form>
    </Disclosure>
  );
}

function TrainingForm({ section, failure }: Omit<Props, 'today'>) {
  const { errors, values, failed } = failureFor('stage2Training', failure);
  return (
    <Disclosure id="stage2Training" summary="Record Skills to Foster training" open={failed}>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="stage2Training" />
        <input type="hidden" name="version" value={versionOf(section, values)} />
        <DateInput name="courseStartOn" id={fieldId('stage2Training', 'courseStartOn')} legend="Date the course starts" hint="For example, 27 3 2026"
          error={errors.courseStartOn} values={values} />
        <Radios name="attended" id={fieldId('stage2Training', 'attended')} legend="Did they attend the course?" inline items={YES_NO}
          error={errors.attended} defaultValue={values.attended} />
        <DateInput name="completedOn" id={fieldId('stage2Training', 'completedOn')} legend="Date they completed the course (optional)"
          hint="Leave empty if they have not completed it yet" error={errors.completedOn} values={values} />
        <Button>Record training</Button>
      </Form>
    </Disclosure>
  );
}

/** Stage 2 assessment (DOMAIN.md §2.2 step 8): editable while Stage 2 is under way, read-only afterwards. */
export function Stage2Assessment({ section, today, failure }: Props) {
  return (
    <section aria-labelledby="stage2-heading">
      <h2 id="stage2-heading" className="mb-4 mt-8 text-2xl font-bold">
        Stage 2 assessment
      </h2>
      <SummaryList
        rows={[
          { key: 'Assessing social worker', value: section.assessorName ?? 'Not assigned' },
          { key: 'Peer support buddy', value: section.peerBuddy ?? 'Not matched yet' },
        ]}
      />
      {section.editable ? <DetailsForm section={section} failure={failure} /> : null}

      <h3 className="mb-2 mt-6 text-xl font-bold">Assessment sessions</h3>
      {section.sessions.length === 0 ? (
        <p className="mb-4">No sessions recorded yet.</p>
      ) : (
        <Table
          caption="Assessment sessions"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Date' }, { header: 'Held or cancelled' }, { header: 'Note' }]}
          rows={section.sessions.map((session) => ({
            id: session.id,
            cells: [formatDate(session.sessionOn), session.statusLabel, session.note ?? ''],
          }))}
        />
      )}
      {section.editable ? <SessionForm section={section} today={today} failure={failure} /> : null}

      <h3 className="mb-2 mt-6 text-xl font-bold">Skills to Foster training</h3>
      {section.training.length === 0 ? (
        <p className="mb-4">No training recorded yet.</p>
      ) : (
        <Table
          caption="Skills to Foster training"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Course starts' }, { header: 'Attended' }, { header: 'Completed' }]}
          rows={section.training.map((course) => ({
            id: course.id,
            cells: [formatDate(course.courseStartOn), course.attended ? 'Yes' : 'No', course.completedOn ? formatDate(course.completedOn) : 'Not yet'],
          }))}
        />
      )}
      {section.editable ? <TrainingForm section={section} failure={failure} /> : null}
    </section>
  );
}
