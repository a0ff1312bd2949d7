import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { ErrorPage, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { StaffLayout, type StaffNavItem } from '~/components/layout/StaffLayout';
import { requireViewer } from '~/modules/auth/access.server';
import { ROLE_LABELS } from '~/modules/auth/roles';

// Navigation only: every child loader authenticates itself, because Remix runs them in parallel with this one.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'admin' });
  return { viewerName: viewer.name, roleLabel: ROLE_LABELS[viewer.role] };
}

const NAV: StaffNavItem[] = [
  { to: '/admin', label: 'Home', end: true },
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/records', label: 'Emergency access' },
  { to: '/admin/emails', label: 'Emails' },
  { to: '/admin/import', label: 'Import' },
];

export default function AdminLayout() {
  const { viewerName, roleLabel } = useLoaderData<typeof loader>();
  return (
    <StaffLayout areaLabel="Administration" nav={NAV} viewerName={viewerName} roleLabel={roleLabel}>
      <Outlet />
    </StaffLayout>
  );
}

// Keeps the administration navigation around an error below it; if this layout's own loader failed there is no nav to show.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/admin');
  if (!layout) return <StandaloneErrorPage />;
  return (
    <StaffLayout areaLabel="Administration" nav={NAV} viewerName={layout.viewerName} roleLabel={layout.roleLabel}>
      <ErrorPage wayBack={{ to: '/admin', label: 'Go to the administration home page' }} />
    </StaffLayout>
  );
}
