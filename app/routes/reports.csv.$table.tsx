import type { LoaderFunctionArgs } from '@remix-run/node';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { exportReportTableCsv } from '~/modules/reporting/report-pages.server';

// /reports/csv/<table id>?<the page's filter>: one report table as CSV, with the same figures and the same
// suppression as the page it came from.
export const loader = ({ request, params }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const loaded = await readDashboardFilter(viewer, new URL(request.url).searchParams);
    const { filename, body } = await exportReportTableCsv(viewer, params.table ?? '', loaded, { requestId: requestId(request) });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
