import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { ErrorPage, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { StaffLayout, type StaffNavItem } from '~/components/layout/StaffLayout';
import { requireViewer } from '~/modules/auth/access.server';
import { HOME_PATH, ROLE_LABELS } from '~/modules/auth/roles';

// Navigation only: every child loader authenticates itself, because Remix runs them in parallel with this one.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'reports' });
  const homePath = HOME_PATH[viewer.role];
  return {
    viewerName: viewer.name,
    roleLabel: ROLE_LABELS[viewer.role],
    // Managers reach reports from their own area; give them the way back.
    workAreaPath: homePath !== '/reports' ? homePath : null,
  };
}

function reportsNav(layout: Awaited<ReturnType<typeof loader>>): StaffNavItem[] {
  return [
    { to: '/reports', label: 'Summary', end: true },
    { to: '/reports/conversion', label: 'Conversion' },
    { to: '/reports/dashboard', label: 'Dashboard' },
    { to: '/reports/trends', label: 'Trends' },
    { to: '/reports/councils', label: 'Councils compared' },
    { to: '/reports/costs', label: 'Costs' },
    { to: '/reports/board-pack', label: 'Board pack' },
    ...(layout.workAreaPath ? [{ to: layout.workAreaPath, label: 'Back to your work' }] : []),
  ];
}

export default function ReportsLayout() {
  const layout = useLoaderData<typeof loader>();
  return (
    <StaffLayout areaLabel="Reports" nav={reportsNav(layout)} viewerName={layout.viewerName} roleLabel={layout.roleLabel}>
      <Outlet />
    </StaffLayout>
  );
}

// Keeps the reports navigation around an error below it; if this layout's own loader failed there is no nav to show.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/reports');
  if (!layout) return <StandaloneErrorPage />;
  return (
    <StaffLayout areaLabel="Reports" nav={reportsNav(layout)} viewerName={layout.viewerName} roleLabel={layout.roleLabel}>
      <ErrorPage wayBack={{ to: '/reports', label: 'Go to the reports summary' }} />
    </StaffLayout>
  );
}
