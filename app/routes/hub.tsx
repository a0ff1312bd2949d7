import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { ErrorPage, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { StaffLayout, type StaffNavItem } from '~/components/layout/StaffLayout';
import { can, requireViewer } from '~/modules/auth/access.server';
import { ROLE_LABELS } from '~/modules/auth/roles';

// Navigation only: every child loader authenticates itself, because Remix runs them in parallel with this one.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'hub' });
  return { viewerName: viewer.name, roleLabel: ROLE_LABELS[viewer.role], canViewReports: can(viewer, 'report.view') };
}

function hubNav(layout: Awaited<ReturnType<typeof loader>>): StaffNavItem[] {
  return [
    { to: '/hub', label: 'Home', end: true },
    { to: '/hub/households', label: 'Households' },
    { to: '/hub/board', label: 'Board' },
    ...(layout.canViewReports ? [{ to: '/reports', label: 'Reports' }] : []),
  ];
}

export default function HubLayout() {
  const layout = useLoaderData<typeof loader>();
  return (
    <StaffLayout
      areaLabel="Foster for East Midlands hub"
      nav={hubNav(layout)}
      viewerName={layout.viewerName}
      roleLabel={layout.roleLabel}
    >
      <Outlet />
    </StaffLayout>
  );
}

// Keeps the hub's navigation around an error below it; if the hub's own loader failed there is no nav to show.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/hub');
  if (!layout) return <StandaloneErrorPage />;
  return (
    <StaffLayout
      areaLabel="Foster for East Midlands hub"
      nav={hubNav(layout)}
      viewerName={layout.viewerName}
      roleLabel={layout.roleLabel}
    >
      <ErrorPage wayBack={{ to: '/hub', label: 'Go to the hub home page' }} />
    </StaffLayout>
  );
}
