import type { LoaderFunctionArgs } from '@remix-run/node';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { exportConversionDashboardCsv, readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';

// /reports/conversion.csv?<the dashboard's filter>: the dashboard's tables as CSV. Exact figures for managers,
// suppressed for the regional viewer, exactly as on screen.
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const loaded = await readDashboardFilter(viewer, new URL(request.url).searchParams);
    const { filename, body } = await exportConversionDashboardCsv(viewer, loaded, { requestId: requestId(request) });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
