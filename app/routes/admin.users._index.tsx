import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { Button, ButtonLink } from '~/components/govuk/Button';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Pagination } from '~/components/govuk/Pagination';
import { Select } from '~/components/govuk/Select';
import { Table } from '~/components/govuk/Table';
import { Tag } from '~/components/govuk/Tag';
import { TextInput } from '~/components/govuk/TextInput';
import { handleDomainErrors } from '~/lib/http.server';
import { formatDateTime } from '~/lib/uk';
import { requireViewer } from '~/modules/auth/access.server';
import { userListQuerySchema } from '~/modules/auth/schemas';
import { listCouncilOptions, listUsersForAdmin, STAFF_ROLE_OPTIONS } from '~/modules/auth/users.server';

export const meta: MetaFunction = () => [{ title: 'Users – Administration – Foster for East Midlands' }];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'admin' });
    const url = new URL(request.url);
    const query = userListQuerySchema.parse(Object.fromEntries(url.searchParams));
    const [{ users, nextCursor }, councilOptions] = await Promise.all([listUsersForAdmin(viewer, query), listCouncilOptions()]);
    const pageHref = (cursor: string | null) => {
      const params = new URLSearchParams(url.searchParams);
      if (cursor) params.set('cursor', cursor);
      else params.delete('cursor');
      return `?${params}`;
    };
    return {
      query, users, councilOptions, roleOptions: STAFF_ROLE_OPTIONS,
      nextHref: nextCursor ? pageHref(nextCursor) : null,
      firstPageHref: query.cursor ? pageHref(null) : null,
    };
  });

export default function Users() {
  const { query, users, councilOptions, roleOptions, nextHref, firstPageHref } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Users</PageHeading>
      <ButtonLink to="/admin/users/new">Invite a member of staff</ButtonLink>
      <Form method="get" className="mb-4 grid gap-x-6 md:grid-cols-3">
        <TextInput name="q" label="Name or email address" defaultValue={query.q} />
        <Select name="role" label="Role" placeholder="Any role" options={roleOptions} defaultValue={query.role ?? ''} />
        <Select name="councilId" label="Council" placeholder="Any council" options={councilOptions} defaultValue={query.councilId ?? ''} />
        <div><Button variant="secondary">Search</Button></div>
      </Form>
      <Table
        caption="Staff accounts"
        captionIsVisuallyHidden
        columns={[{ header: 'Name' }, { header: 'Email address' }, { header: 'Role' }, { header: 'Council' }, { header: 'Status' }, { header: 'Last signed in' }]}
        rows={users.map((user) => ({
          id: user.id,
          cells: [
            <Link key="name" to={`/admin/users/${user.id}`}>{user.name}</Link>,
            user.email,
            user.roleLabel,
            user.councilName ?? '—',
            !user.active ? <Tag colour="grey">Deactivated</Tag> : user.invitationPending ? <Tag colour="yellow">Invited</Tag> : <Tag colour="green">Active</Tag>,
            user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'Never',
          ],
        }))}
      />
      {users.length === 0 ? <p className="mb-8">No staff accounts match your search.</p> : null}
      <Pagination nextHref={nextHref} />
      {firstPageHref ? <p className="mb-8"><Link to={firstPageHref}>Back to the first page</Link></p> : null}
    </>
  );
}
