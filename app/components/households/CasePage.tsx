import { Link } from '@remix-run/react';
import { AddTaskForm, AssignWorkerForm, ContactAttemptForm, NoteForm } from '~/components/case/CaseworkForms';
import { EventForms } from '~/components/case/EventForms';
import { References } from '~/components/case/References';
import { errorsById, type FormFailure } from '~/components/case/form-ids';
import { Stage1Checks } from '~/components/case/Stage1Checks';
import { Stage2Assessment } from '~/components/case/Stage2Assessment';
import { TaskList } from '~/components/case/TaskList';
import { TemporaryApprovalWarning } from '~/components/case/TemporaryApprovalWarning';
import { Timeline } from '~/components/case/Timeline';
import { BackLink } from '~/components/govuk/BackLink';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { SummaryList, type SummaryListRow } from '~/components/govuk/SummaryList';
import { Tag, type TagColour } from '~/components/govuk/Tag';
import type { DeadlineState } from '~/lib/deadlines';
import { formatDate, formatDateWithWeekday } from '~/lib/uk';
import type { CasePageData } from '~/modules/households/case-page.server';

type CasePageProps = {
  data: CasePageData;
  /** What the last post answered, when it was refused (400 or 409). */
  failure?: FormFailure;
  back: { to: string; label: string };
};

const DEADLINE_TAGS: Record<DeadlineState, { label: string; colour: TagColour }> = {
  overdue: { label: 'Overdue', colour: 'red' },
  dueToday: { label: 'Due today', colour: 'orange' },
  dueSoon: { label: 'Due soon', colour: 'yellow' },
  onTrack: { label: 'On track', colour: 'green' },
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function Deadline({ deadline }: { deadline: NonNullable<CasePageData['deadline']> }) {
  const tag = DEADLINE_TAGS[deadline.state];
  const distance =
    deadline.state === 'overdue'
      ? `${plural(Math.abs(deadline.calendarDaysLeft), 'day')} overdue`
      : deadline.state === 'dueToday'
        ? 'Due today'
        : `${plural(deadline.workingDaysLeft, 'working day')} to go`;
  return (
    <section aria-labelledby="deadline-heading" className="mb-8 bg-surface p-4">
      <h2 id="deadline-heading" className="mb-2 text-xl font-bold">
        Next deadline
      </h2>
      <p className="mb-1">
        {deadline.label ? `${deadline.label}: ` : ''}
        <strong>{formatDateWithWeekday(deadline.dueOn)}</strong> <Tag colour={tag.colour}>{tag.label}</Tag>
      </p>
      <p>{distance}</p>
    </section>
  );
}

function householdRows(household: CasePageData['household']): SummaryListRow[] {
  const contact = household.contact;
  return [
    { key: 'Reference', value: household.reference },
    { key: 'Stage', value: household.stageLabel },
    { key: 'Route', value: household.routeLabel },
    { key: 'Council', value: household.councilName ?? 'Not yet known' },
    { key: 'Allocated to', value: household.allocatedCouncilName ?? 'Not allocated yet' },
    { key: 'Worker', value: household.ownerName ?? 'Not assigned' },
    { key: 'How they got in touch', value: household.channelLabel },
    { key: 'How they heard about fostering', value: household.sourceLabel ?? 'Not recorded' },
    { key: 'Interested in', value: household.interests.length > 0 ? household.interests.join(', ') : 'Not recorded' },
    ...(contact
      ? [
          { key: 'Email address', value: contact.email ?? 'Not recorded' },
          { key: 'Phone number', value: contact.phone ?? 'Not recorded' },
          { key: 'Best time to call', value: contact.preferredContactTime ?? 'Not recorded' },
          { key: 'Address', value: contact.address ?? 'Not recorded' },
          { key: 'Spare bedrooms', value: contact.spareBedrooms === null ? 'Not recorded' : String(contact.spareBedrooms) },
        ]
      : []),
  ];
}

function personRows(person: CasePageData['household']['people'][number]): SummaryListRow[] {
  const contact = person.contact;
  if (!contact) return [{ key: 'In the household as', value: person.roleLabel }];
  const needs = [contact.interpreterNeeded ? 'Interpreter' : null, contact.bslNeeded ? 'British Sign Language' : null].filter(Boolean);
  return [
    { key: 'In the household as', value: person.roleLabel },
    { key: 'Email address', value: contact.email ?? 'Not recorded' },
    { key: 'Phone number', value: contact.phone ?? 'Not recorded' },
    { key: 'Preferred language', value: contact.preferredLanguage ?? 'Not recorded' },
    { key: 'Communication needs', value: needs.length > 0 ? needs.join(', ') : 'None recorded' },
  ];
}

/** The case page that hub and council staff share; the loader has already left out what this viewer may not see. */
export function CasePage({ data, failure, back }: CasePageProps) {
  const { household, permissions } = data;
  const errors = failure && !failure.conflict ? errorsById(failure.form, failure.fieldErrors) : {};
  const canWork = permissions.casework;
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      {failure?.conflict ? (
        <NotificationBanner title="This household has changed">
          <p>{failure.conflict}</p>
          <p className="font-normal">Nothing was saved.</p>
        </NotificationBanner>
      ) : data.notice && !failure ? (
        <NotificationBanner variant="success">{data.notice}</NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />

      <PageHeading caption={household.reference}>{household.displayName}</PageHeading>
      <p className="mb-8">
        <Tag>{household.stageLabel}</Tag>
      </p>

      {data.view === 'proposal' ? (
        <InsetText>This household has been proposed to your council. Accept the allocation to take over the case.</InsetText>
      ) : null}
      {data.view === 'summary' ? (
        <InsetText>The allocated council holds this case now. You can see its stage, key dates and peer-support notes.</InsetText>
      ) : null}

      {data.temporaryApprovalWarning ? <TemporaryApprovalWarning warning={data.temporaryApprovalWarning} /> : null}
      {data.deadline ? <Deadline deadline={data.deadline} /> : null}
      {data.firstContact ? (
        <InsetText>
          {data.firstContact.failedAttempts === 0
            ? 'No failed contact attempts logged yet.'
            : `${data.firstContact.failedAttempts} failed contact ${data.firstContact.failedAttempts === 1 ? 'attempt' : 'attempts'} logged.`}{' '}
          Log each attempt below; the case can close for no contact after {data.firstContact.neededToClose}.
        </InsetText>
      ) : null}

      {data.view === 'casework' || data.view === 'proposal' ? (
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading" className="mb-4 text-2xl font-bold">
            What you can do now
          </h2>
          <EventForms events={data.events} today={data.today} failure={failure} />
        </section>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Household</h2>
      <SummaryList rows={householdRows(household)} />
      {permissions.assignWorker && data.staff ? <AssignWorkerForm failure={failure} staff={data.staff} /> : null}

      {household.keyDates.length > 0 ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Key dates</h2>
          <SummaryList rows={household.keyDates.map((row) => ({ key: row.label, value: formatDate(row.date) }))} />
        </>
      ) : null}

      {data.relatedRecords.length > 0 ? (
        <section aria-labelledby="related-heading" className="mb-8">
          <h2 id="related-heading" className="mb-4 text-2xl font-bold">
            Related records
          </h2>
          <ul className="list-disc pl-6">
            {data.relatedRecords.map((record) => (
              <li key={record.href} className="mb-1">
                <Link to={record.href}>
                  {record.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">People</h2>
      {household.people.length === 0 ? <p className="mb-8">No one has been recorded yet.</p> : null}
      {household.people.map((person) => (
        <section key={person.id} aria-label={person.name}>
          <h3 className="mb-2 text-xl font-bold">{person.name}</h3>
          <SummaryList rows={personRows(person)} />
        </section>
      ))}

      {data.tasks ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Tasks</h2>
          <TaskList tasks={data.tasks} today={data.today} canComplete={canWork} />
          {canWork && data.staff ? <AddTaskForm failure={failure} staff={data.staff} /> : null}
        </>
      ) : null}

      {data.checks ? (
        <>
          <h2 className="mb-4 mt-8 text-2xl font-bold">Stage 1 checks</h2>
          <Stage1Checks checks={data.checks} />
        </>
      ) : null}

      {data.references ? <References section={data.references} today={data.today} failure={failure} /> : null}
      {data.stage2 ? <Stage2Assessment section={data.stage2} today={data.today} failure={failure} /> : null}

      {data.timeline ? (
        <>
          <h2 className="mb-4 mt-8 text-2xl font-bold">Timeline</h2>
          {canWork ? (
            <div className="mb-6">
              <NoteForm failure={failure} canRestrict={permissions.restrictedNotes} />
              <ContactAttemptForm failure={failure} today={data.today} />
            </div>
          ) : null}
          <Timeline entries={data.timeline} />
        </>
      ) : null}
    </>
  );
}
