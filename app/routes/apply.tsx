import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData, useRouteLoaderData } from '@remix-run/react';
import { ErrorPage, StandaloneErrorPage } from '~/components/layout/ErrorPage';
import { StaffLayout } from '~/components/layout/StaffLayout';
import { requireViewer } from '~/modules/auth/access.server';
import { ROLE_LABELS } from '~/modules/auth/roles';

// Navigation only: every child loader authenticates itself, because Remix runs them in parallel with this one.
// The sign-in page is apply_.sign-in.tsx, outside this layout, so insisting on an applicant here cannot loop.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, { area: 'apply' });
  return { viewerName: viewer.name, roleLabel: ROLE_LABELS[viewer.role] };
}

export default function ApplyLayout() {
  const { viewerName, roleLabel } = useLoaderData<typeof loader>();
  return (
    <StaffLayout
      areaLabel="Your fostering application"
      nav={[{ to: '/apply', label: 'Your application', end: true }]}
      viewerName={viewerName}
      roleLabel={roleLabel}
    >
      <Outlet />
    </StaffLayout>
  );
}

// Keeps the application navigation around an error below it; if this layout's own loader failed there is no nav to show.
export function ErrorBoundary() {
  const layout = useRouteLoaderData<typeof loader>('routes/apply');
  if (!layout) return <StandaloneErrorPage />;
  return (
    <StaffLayout
      areaLabel="Your fostering application"
      nav={[{ to: '/apply', label: 'Your application', end: true }]}
      viewerName={layout.viewerName}
      roleLabel={layout.roleLabel}
    >
      <ErrorPage wayBack={{ to: '/apply', label: 'Go to your application' }} />
    </StaffLayout>
  );
}
