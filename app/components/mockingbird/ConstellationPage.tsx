import { Form, Link, useNavigation } from '@remix-run/react';
import { errorsById, fieldId } from '~/components/case/form-ids';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { DateInput } from '~/components/govuk/DateInput';
import { Details } from '~/components/govuk/Details';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { InsetText } from '~/components/govuk/InsetText';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { SummaryList } from '~/components/govuk/SummaryList';
import { Table } from '~/components/govuk/Table';
import { Textarea } from '~/components/govuk/Textarea';
import { TextInput } from '~/components/govuk/TextInput';
import { failureOf } from '~/lib/form-commands';
import { formatDate, formatNumber } from '~/lib/uk';
import type { FormFailure } from '~/modules/mockingbird/constellation-forms.server';
import type { ConstellationPage as PageData } from '~/modules/mockingbird/constellations.server';
import { ACTIVITY_TYPES, MEMBER_TYPES } from '~/modules/mockingbird/rules';
import { RESIGNATION_REASONS } from '~/modules/mockingbird/schema';

const DONE: Readonly<Record<string, string>> = {
  start: 'Constellation started. Appoint its hub home and add satellite households.',
  addSatellite: 'Satellite household added.',
  appointHubHome: 'Hub home appointed.',
  endMembership: 'The household’s membership has ended. Its history stays on this page.',
  logActivity: 'Activity logged.',
  setLiaison: 'Liaison worker changed.',
  hubCarerResigns: 'The hub home carer’s notice is recorded and their approval will end 28 days after it. Appoint a new hub home.',
  close: 'Constellation closed. Its members’ history stays on this page.',
};

type Failure = FormFailure | undefined;

export function ConstellationPage({ page, failure }: { page: PageData & { done: string | null }; failure: Failure }) {
  const saving = useNavigation().state === 'submitting';
  const { constellation } = page;
  const summaryErrors = failure ? errorsById(failure.form, failure.fieldErrors) : {};
  const memberOptions = page.current.map((member) => ({ value: member.id, label: `${member.displayName} (${member.roleLabel.toLowerCase()})` }));
  return (
    <>
      <BackLink to="/council/mockingbird">Back to Mockingbird</BackLink>
      <ErrorSummary errors={summaryErrors} />
      {page.done && DONE[page.done] && !failure ? <NotificationBanner variant="success">{DONE[page.done]}</NotificationBanner> : null}
      <PageHeading caption={`${constellation.councilName} Mockingbird`}>{constellation.name}</PageHeading>

      <SummaryList
        rows={[
          { key: 'Status', value: constellation.status === 'active' ? 'Active' : `Closed on ${constellation.closedOn ? formatDate(constellation.closedOn) : 'an unknown date'}` },
          { key: 'Launched', value: formatDate(constellation.launchedOn) },
          { key: 'Liaison worker', value: constellation.liaisonName ?? 'None' },
          { key: 'Hub home', value: page.current.find((member) => member.role === 'hubHome')?.displayName ?? 'None' },
          { key: 'Satellite households', value: `${formatNumber(page.satellites)} of ${formatNumber(page.maxSatellites)}` },
          { key: 'Vacancies', value: formatNumber(page.vacancies) },
          {
            key: 'Last quarter',
            value: `${formatNumber(page.quarter.activities)} activities, ${formatNumber(page.quarter.sleepovers)} sleepovers (${formatNumber(page.quarter.nights)} nights) from ${formatDate(page.quarter.from)} to ${formatDate(page.quarter.to)}`,
          },
        ]}
      />
      {page.advice === 'full' ? (
        <InsetText>This constellation has {page.maxSatellites} satellite households, the most it can have. A household must leave before another can join.</InsetText>
      ) : page.advice === 'belowAdvised' ? (
        <InsetText>The Mockingbird model works best with six to ten satellite households.</InsetText>
      ) : null}
      {constellation.status === 'active' && !page.hasHubHome ? (
        <InsetText>This constellation has no hub home. Its satellites stay members while a new hub home is appointed.</InsetText>
      ) : null}

      <h2 className="mb-4 text-2xl font-bold">Members</h2>
      {page.current.length === 0 ? (
        <p className="mb-8">No households are members now.</p>
      ) : (
        <Table
          caption="Current members"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Household' }, { header: 'Reference' }, { header: 'Role' }, { header: 'Type' }, { header: 'Joined' }]}
          rows={page.current.map((member) => ({
            id: member.id,
            cells: [
              <Link key="name" to={`/council/households/${member.householdId}`}>
                {member.displayName}
              </Link>,
              member.reference,
              member.roleLabel,
              member.typeLabel,
              formatDate(member.joinedOn),
            ],
          }))}
        />
      )}

      {page.mayManage ? <ManageForms page={page} failure={failure} saving={saving} memberOptions={memberOptions} /> : null}

      <h2 className="mb-4 text-2xl font-bold">Activities and sleepovers</h2>
      {page.activities.length === 0 ? (
        <p className="mb-8">No activities have been logged.</p>
      ) : (
        <Table
          caption={`The latest ${page.activities.length} activities`}
          captionIsVisuallyHidden
          columns={[{ header: 'Date' }, { header: 'Activity' }, { header: 'Nights', numeric: true }, { header: 'Households taking part' }]}
          rows={page.activities.map((activity) => ({
            id: activity.id,
            cells: [formatDate(activity.occurredOn), activity.typeLabel, activity.nights === null ? '' : formatNumber(activity.nights), activity.households.join(', ')],
          }))}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">Former members</h2>
      {page.past.length === 0 ? (
        <p className="mb-8">No household has left.</p>
      ) : (
        <Table
          caption="Households that have left"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Household' }, { header: 'Role' }, { header: 'Joined' }, { header: 'Left' }, { header: 'Reason' }]}
          rows={page.past.map((member) => ({
            id: member.id,
            cells: [member.displayName, member.roleLabel, formatDate(member.joinedOn), member.leftOn ? formatDate(member.leftOn) : '', member.leftReason ?? ''],
          }))}
        />
      )}
    </>
  );
}

type ManageProps = {
  page: PageData;
  failure: Failure;
  saving: boolean;
  memberOptions: { value: string; label: string }[];
};

function ManageForms({ page, failure, saving, memberOptions }: ManageProps) {
  const add = failureOf('addSatellite', failure);
  const activity = failureOf('logActivity', failure);
  const leave = failureOf('endMembership', failure);
  const hub = failureOf('appointHubHome', failure);
  const liaison = failureOf('setLiaison', failure);
  const close = failureOf('close', failure);
  const resigns = failureOf('hubCarerResigns', failure);
  const eligible = page.eligibleHouseholds.map((household) => ({ value: household.id, label: `${household.displayName} (${household.reference})` }));
  const satellites = page.current.filter((member) => member.role === 'satellite');
  return (
    <>
      <Details id="addSatellite" summary="Add a satellite household" open={add.failed}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="addSatellite" />
          <Select name="householdId" id={fieldId('addSatellite', 'householdId')} label="Household" hint="Approved households of this council that are not in a constellation"
            placeholder="Choose a household" options={eligible} defaultValue={add.values.householdId ?? ''} error={add.errors.householdId} />
          <Select name="householdType" id={fieldId('addSatellite', 'householdType')} label="Kind of household"
            options={MEMBER_TYPES.map((type) => ({ value: type.code, label: type.label }))} defaultValue={add.values.householdType ?? 'foster'} error={add.errors.householdType} />
          <DateInput name="joinedOn" id={fieldId('addSatellite', 'joinedOn')} legend="Date joined" hint="For example, 27 3 2026"
            values={add.values} error={add.errors.joinedOn} />
          <Button pending={saving} pendingText="Adding…">Add satellite</Button>
        </Form>
      </Details>

      <Details id="logActivity" summary="Log an activity or sleepover" open={activity.failed}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="logActivity" />
          <Select name="type" id={fieldId('logActivity', 'type')} label="Activity" placeholder="Choose an activity"
            options={ACTIVITY_TYPES.map((type) => ({ value: type.code, label: type.label }))} defaultValue={activity.values.type ?? ''} error={activity.errors.type} />
          <DateInput name="occurredOn" id={fieldId('logActivity', 'occurredOn')} legend="Date" hint="For a sleepover, the first night. For example, 27 3 2026"
            values={activity.values} error={activity.errors.occurredOn} />
          <TextInput name="nights" id={fieldId('logActivity', 'nights')} label="Nights" hint="For sleepovers and short breaks only" inputMode="numeric" width="3"
            defaultValue={activity.values.nights ?? ''} error={activity.errors.nights} />
          <Checkboxes name="householdIds" id={fieldId('logActivity', 'householdIds')} legend="Households taking part"
            items={page.current.map((member) => ({ value: member.householdId, label: member.displayName }))}
            defaultValues={activity.values.householdIds ?? ''} error={activity.errors.householdIds} />
          <Textarea name="notes" id={fieldId('logActivity', 'notes')} label="Notes (optional)" hint="Never enter a child’s name" rows={3}
            defaultValue={activity.values.notes ?? ''} error={activity.errors.notes} />
          <Button pending={saving} pendingText="Saving…">Log activity</Button>
        </Form>
      </Details>

      <Details id="endMembership" summary="Record that a household has left" open={leave.failed}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="endMembership" />
          <Select name="membershipId" id={fieldId('endMembership', 'membershipId')} label="Household" placeholder="Choose a household"
            options={memberOptions} defaultValue={leave.values.membershipId ?? ''} error={leave.errors.membershipId} />
          <DateInput name="leftOn" id={fieldId('endMembership', 'leftOn')} legend="Date left" hint="For example, 27 3 2026" values={leave.values} error={leave.errors.leftOn} />
          <TextInput name="leftReason" id={fieldId('endMembership', 'leftReason')} label="Reason" hint="For example, the hub carer resigned, or the family moved away"
            defaultValue={leave.values.leftReason ?? ''} error={leave.errors.leftReason} />
          <Button pending={saving} pendingText="Saving…">Record that the household left</Button>
        </Form>
      </Details>

      {page.hasHubHome ? (
        <Details id="hubCarerResigns" summary="Record that the hub home carer is resigning" open={resigns.failed}>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="hubCarerResigns" />
            <p className="mb-4">Their approval ends 28 days after the council receives the notice. The satellites stay members while a new hub home is appointed.</p>
            <DateInput name="noticeReceivedOn" id={fieldId('hubCarerResigns', 'noticeReceivedOn')} legend="Date the council received the notice"
              values={resigns.values} error={resigns.errors.noticeReceivedOn} />
            <Select name="primaryReason" id={fieldId('hubCarerResigns', 'primaryReason')} label="Main reason" placeholder="Choose a reason"
              options={RESIGNATION_REASONS.map((reason) => ({ value: reason.code, label: reason.label }))}
              defaultValue={resigns.values.primaryReason ?? ''} error={resigns.errors.primaryReason} />
            <Textarea name="details" id={fieldId('hubCarerResigns', 'details')} label="Details (optional)" rows={3}
              defaultValue={resigns.values.details ?? ''} error={resigns.errors.details} />
            <Button variant="warning" pending={saving} pendingText="Saving…">Record the resignation</Button>
          </Form>
        </Details>
      ) : (
        <Details id="appointHubHome" summary="Appoint a hub home" open={hub.failed}>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="appointHubHome" />
            <Select name="householdId" id={fieldId('appointHubHome', 'householdId')} label="Household" hint="A satellite here, or an approved household in no constellation"
              placeholder="Choose a household"
              options={[...satellites.map((member) => ({ value: member.householdId, label: `${member.displayName} (satellite here)` })), ...eligible]}
              defaultValue={hub.values.householdId ?? ''} error={hub.errors.householdId} />
            <DateInput name="joinedOn" id={fieldId('appointHubHome', 'joinedOn')} legend="Date the hub home starts" values={hub.values} error={hub.errors.joinedOn} />
            <Button pending={saving} pendingText="Saving…">Appoint hub home</Button>
          </Form>
        </Details>
      )}

      <Details id="setLiaison" summary="Change the liaison worker" open={liaison.failed}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="setLiaison" />
          <Select name="liaisonWorkerId" id={fieldId('setLiaison', 'liaisonWorkerId')} label="Liaison worker" placeholder="Choose a liaison worker"
            options={page.liaisonChoices.map((user) => ({ value: user.id, label: user.name }))}
            defaultValue={liaison.values.liaisonWorkerId ?? page.constellation.liaisonWorkerId ?? ''} error={liaison.errors.liaisonWorkerId} />
          <Button pending={saving} pendingText="Saving…">Change liaison worker</Button>
        </Form>
      </Details>

      <Details id="close" summary="Close this constellation" open={close.failed}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="close" />
          <p className="mb-4">Every current member’s membership ends on the closing date. Their history stays.</p>
          <DateInput name="closedOn" id={fieldId('close', 'closedOn')} legend="Date closed" values={close.values} error={close.errors.closedOn} />
          <TextInput name="closedReason" id={fieldId('close', 'closedReason')} label="Reason" defaultValue={close.values.closedReason ?? ''} error={close.errors.closedReason} />
          <Button variant="warning" pending={saving} pendingText="Closing…">Close constellation</Button>
        </Form>
      </Details>
      <div className="mb-8" />
    </>
  );
}

