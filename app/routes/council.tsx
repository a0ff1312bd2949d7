import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { ErrorPage, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { StaffLayout, type StaffNavItem } from '~/components/layout/StaffLayout';
import { can, requireViewer } from '~/modules/auth/access.server';
import { ROLE_LABELS } from '~/modules/auth/roles';

// Navigation only: every child loader authenticates itself, because Remix runs them in parallel with this one.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'council' });
  return {
    viewerName: viewer.name,
    roleLabel: ROLE_LABELS[viewer.role],
    canViewReports: can(viewer, 'report.view'),
    canViewPanels: can(viewer, 'panel.view'),
    canViewCarers: can(viewer, 'carers.view', { councilId: viewer.councilId ?? '' }),
    canViewMockingbird: can(viewer, 'mockingbird.view', { councilId: viewer.councilId ?? '' }),
    canViewSgo: can(viewer, 'sgo.view', { councilId: viewer.councilId ?? '' }),
  };
}

function councilNav(layout: Awaited<ReturnType<typeof loader>>): StaffNavItem[] {
  return [
    { to: '/council', label: 'Home', end: true },
    ...(layout.canViewPanels ? [{ to: '/council/panels', label: 'Panels' }] : []),
    ...(layout.canViewCarers ? [{ to: '/council/carers', label: 'Approved carers' }] : []),
    ...(layout.canViewMockingbird ? [{ to: '/council/mockingbird', label: 'Mockingbird' }] : []),
    ...(layout.canViewSgo ? [{ to: '/council/sgo', label: 'SGO support' }] : []),
    ...(layout.canViewReports ? [{ to: '/reports', label: 'Reports' }] : []),
  ];
}

export default function CouncilLayout() {
  const layout = useLoaderData<typeof loader>();
  return (
    <StaffLayout
      areaLabel="Council fostering team"
      nav={councilNav(layout)}
      viewerName={layout.viewerName}
      roleLabel={layout.roleLabel}
    >
      <Outlet />
    </StaffLayout>
  );
}

// Keeps the council navigation around an error below it; if this layout's own loader failed there is no nav to show.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/council');
  if (!layout) return <StandaloneErrorPage />;
  return (
    <StaffLayout
      areaLabel="Council fostering team"
      nav={councilNav(layout)}
      viewerName={layout.viewerName}
      roleLabel={layout.roleLabel}
    >
      <ErrorPage wayBack={{ to: '/council', label: 'Go to your council’s households' }} />
    </StaffLayout>
  );
}
