import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { Checkboxes } from '~/components/govuk/Checkboxes';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Table } from '~/components/govuk/Table';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { formatDate, formatDateWithWeekday } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { getPanelAgenda, setPanelMembers } from '~/modules/panels/panels.server';

export const meta: MetaFunction<typeof loader> = ({ data: agenda }) => [
  { title: `${agenda ? `Panel on ${formatDate(agenda.panel.panelOn)}` : 'Panel'} – Foster for East Midlands` },
];

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    return getPanelAgenda(viewer, params.panelId ?? '');
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'council' });
    const panelId = params.panelId ?? '';
    const members = (await request.formData()).getAll('members').filter((value) => typeof value === 'string');
    await setPanelMembers(viewer, panelId, members, { requestId: requestId(request) });
    return redirect(`/council/panels/${panelId}`);
  });

export default function PanelAgenda() {
  const { panel, members, items, mayManageMembers, memberChoices } = useLoaderData<typeof loader>();
  const saving = useNavigation().state === 'submitting';
  return (
    <>
      <BackLink to="/council/panels">Back to panels</BackLink>
      <PageHeading caption={`${panel.councilName} fostering panel`}>{formatDateWithWeekday(panel.panelOn)}</PageHeading>

      <h2 className="mb-4 text-2xl font-bold">Agenda</h2>
      {items.length === 0 ? (
        <p className="mb-8">No cases are booked for this panel.</p>
      ) : (
        <Table
          caption="Cases on this panel"
          captionIsVisuallyHidden
          firstCellIsHeader
          columns={[{ header: 'Reference' }, { header: 'Household' }, { header: 'Stage' }, { header: 'Recommendation' }, { header: 'Decision' }]}
          rows={items.map((item) => ({
            id: item.id,
            cells: [
              <Link key="reference" to={`/council/households/${item.householdId}`}>
                {item.reference}
              </Link>,
              item.displayName,
              item.stageLabel,
              item.recommendation ? `${item.recommendation}${item.recommendedOn ? ` (${formatDate(item.recommendedOn)})` : ''}` : 'None yet',
              item.decision ? `${item.decision}${item.decidedOn ? ` (${formatDate(item.decidedOn)})` : ''}` : 'None yet',
            ],
          }))}
        />
      )}

      <h2 className="mb-4 text-2xl font-bold">Panel members</h2>
      {mayManageMembers ? (
        memberChoices.length === 0 ? (
          <p>There are no panel member accounts for this council yet. An administrator can invite them.</p>
        ) : (
          <Form method="post">
            <Checkboxes
              name="members"
              legend="Who sits on this panel"
              hint="Members can read the papers of the cases on this panel only."
              items={memberChoices.map((choice) => ({ value: choice.id, label: choice.name }))}
              defaultValues={members.map((member) => member.id)}
            />
            <Button type="submit" pending={saving} pendingText="Saving">
              Save panel members
            </Button>
          </Form>
        )
      ) : members.length === 0 ? (
        <p>No members have been added yet.</p>
      ) : (
        <ul className="mb-8 list-disc pl-5">
          {members.map((member) => (
            <li key={member.id}>{member.name}</li>
          ))}
        </ul>
      )}
    </>
  );
}
