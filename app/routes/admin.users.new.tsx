import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { BackLink } from '~/components/govuk/BackLink';
import { Button } from '~/components/govuk/Button';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Select } from '~/components/govuk/Select';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { INVITATION_LINK_LIFETIME_HOURS } from '~/modules/auth/password-reset.server';
import { inviteUserSchema } from '~/modules/auth/schemas';
import { inviteStaffUser, listCouncilOptions, STAFF_ROLE_OPTIONS } from '~/modules/auth/users.server';

export const meta: MetaFunction = () => [{ title: 'Invite a member of staff – Administration – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    await requireViewer(request, { area: 'admin' });
    return { councilOptions: await listCouncilOptions(), roleOptions: STAFF_ROLE_OPTIONS, lifetimeHours: INVITATION_LINK_LIFETIME_HOURS };
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const parsed = parseForm(inviteUserSchema, await request.formData());
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const invited = await inviteStaffUser(viewer, parsed.data);
    if (!invited.ok) {
      const { name, email, role, councilId } = parsed.data;
      return data({ fieldErrors: invited.fieldErrors, values: { name, email, role, councilId: councilId ?? '' } }, { status: 400 });
    }
    return redirect(`/admin/users/${invited.data.userId}?done=invited`);
  });

export default function InviteUser() {
  const { councilOptions, roleOptions, lifetimeHours } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors: Record<string, string> = failed?.fieldErrors ?? {};
  const values: Record<string, string> = failed?.values ?? {};
  return (
    <div className="max-w-xl">
      <BackLink to="/admin/users">Back to users</BackLink>
      <ErrorSummary errors={errors} />
      <PageHeading>Invite a member of staff</PageHeading>
      <p className="mb-4">We will email them a link to choose a password. The link expires in {lifetimeHours} hours.</p>
      <Form method="post" noValidate>
        <TextInput name="name" label="Full name" autoComplete="off" defaultValue={values.name ?? ''} error={errors.name} />
        <TextInput name="email" label="Email address" type="email" autoComplete="off" spellCheck={false}
          defaultValue={values.email ?? ''} error={errors.email} />
        <Select name="role" label="Role" placeholder="Choose a role" options={roleOptions} defaultValue={values.role ?? ''} error={errors.role} />
        <Select name="councilId" label="Council" hint="Only for council roles. Leave empty for hub, regional and administrator roles."
          placeholder="Not attached to a council" options={councilOptions} defaultValue={values.councilId ?? ''} error={errors.councilId} />
        <Button>Send invitation</Button>
      </Form>
    </div>
  );
}
