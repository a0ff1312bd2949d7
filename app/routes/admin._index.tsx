import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { PageHeading } from '~/components/govuk/PageHeading';
import { requireViewer } from '~/modules/auth/access.server';

export const meta: MetaFunction = () => [{ title: 'Administration – Foster for East Midlands' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireViewer(request, { area: 'admin' });
  return null;
}

const SECTIONS = [
  { to: '/admin/users', label: 'Users', description: 'Invite staff, change roles and councils, deactivate accounts.' },
  { to: '/admin/audit', label: 'Audit log', description: 'Who did what and when. The log cannot be edited.' },
  { to: '/admin/emails', label: 'Emails', description: 'Every email the service has queued or sent, and failures to retry.' },
  { to: '/admin/import', label: 'Import', description: 'Load historical cases from the councils’ spreadsheets.' },
];

export default function AdminHome() {
  return (
    <>
      <PageHeading>Administration</PageHeading>
      <ul className="mb-8 space-y-6">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <h2 className="mb-1 text-xl font-bold"><Link to={section.to}>{section.label}</Link></h2>
            <p>{section.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
