import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { SummaryList } from '~/components/govuk/SummaryList';
import { parseForm } from '~/lib/forms';
import { ValidationFailed } from '~/lib/errors';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { changeRoleSchema, userAccountIntentSchema } from '~/modules/auth/schemas';
import {
  changeUserRole, deactivateUser, getUserForAdmin, listCouncilOptions, reactivateUser, STAFF_ROLE_OPTIONS,
} from '~/modules/auth/users.server';

export const meta: MetaFunction = () => [{ title: 'Staff account – Administration – Foster for East Midlands' }];

const DONE_MESSAGES: Record<string, string> = {
  invited: 'Invitation sent. They can sign in once they have chosen a password.',
  roleChanged: 'Role and council saved. The change applies from their next page.',
  deactivated: 'Account deactivated. They have been signed out everywhere.',
  reactivated: 'Account reactivated. They can sign in again.',
};

const DONE_FOR_INTENT = { changeRole: 'roleChanged', deactivate: 'deactivated', reactivate: 'reactivated' } as const;

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const account = await getUserForAdmin(viewer, params.userId ?? '');
    const done = new URL(request.url).searchParams.get('done') ?? '';
    return { ...account, councilOptions: await listCouncilOptions(), roleOptions: STAFF_ROLE_OPTIONS, doneMessage: DONE_MESSAGES[done] ?? null };
  });

export const action = ({ request, params }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const userId = params.userId ?? '';
    const form = await request.formData();
    const chosen = userAccountIntentSchema.safeParse({ intent: form.get('intent') });
    if (!chosen.success) throw new ValidationFailed('Choose what to do with this account');
    const { intent } = chosen.data;
    if (intent === 'deactivate') await deactivateUser(viewer, userId);
    if (intent === 'reactivate') await reactivateUser(viewer, userId);
    if (intent === 'changeRole') {
      const parsed = parseForm(changeRoleSchema, form);
      const changed = parsed.ok ? await changeUserRole(viewer, userId, parsed.data) : parsed;
      if (!changed.ok) return data({ fieldErrors: changed.fieldErrors }, { status: 400 });
    }
    return redirect(`/admin/users/${userId}?done=${DONE_FOR_INTENT[intent]}`);
  });

export default function StaffAccount() {
  const { user, canChangeRole, canDeactivate, councilOptions, roleOptions, doneMessage } = useLoaderData<typeof loader>();
  const errors: Record<string, string> = useActionData<typeof action>()?.fieldErrors ?? {};
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin/users">Back to users</BackLink>
      <ErrorSummary errors={errors} />
      {doneMessage ? <NotificationBanner variant="success">{doneMessage}</NotificationBanner> : null}
      <PageHeading caption="Staff account">{user.name}</PageHeading>
      <SummaryList rows={[
        { key: 'Email address', value: user.email },
        { key: 'Role', value: user.roleLabel },
        { key: 'Council', value: user.councilName ?? 'Not attached to a council' },
        { key: 'Status', value: !user.active ? 'Deactivated' : user.invitationPending ? 'Invited, has not chosen a password yet' : 'Active' },
        { key: 'Last signed in', value: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never' },
      ]} />
      <p className="mb-2"><Link to={`/admin/audit?entity=User&entityId=${user.id}`}>Changes to this account in the audit log</Link></p>
      <p className="mb-8"><Link to={`/admin/audit?actorId=${user.id}`}>What this person has done, in the audit log</Link></p>
      {canChangeRole ? (
        <Form method="post" noValidate>
          <h2 className="mb-4 text-2xl font-bold">Change role or council</h2>
          <Select name="role" label="Role" options={roleOptions} defaultValue={user.role} error={errors.role} />
          <Select name="councilId" label="Council" hint="Only for council roles." placeholder="Not attached to a council"
            options={councilOptions} defaultValue={user.councilId ?? ''} error={errors.councilId} />
          <Button name="intent" value="changeRole">Save role and council</Button>
        </Form>
      ) : <p className="mb-8">You cannot change your own role or deactivate your own account. Ask another administrator.</p>}
      {canDeactivate ? (
        <Form method="post"><Button name="intent" value="deactivate" variant="warning">Deactivate account</Button></Form>
      ) : null}
      {!user.active ? (
        <Form method="post"><Button name="intent" value="reactivate" variant="secondary">Reactivate account</Button></Form>
      ) : null}
    </div>
  );
}
