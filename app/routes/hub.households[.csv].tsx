import type { LoaderFunctionArgs } from '@remix-run/node';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireStaff } from '~/modules/auth/access.server';
import { exportHouseholdsCsv } from '~/modules/households/export.server';
import { parseHouseholdFilter } from '~/modules/households/filters';

// /hub/households.csv?<the list's filter>: the list's households as a CSV download. Any member of staff may ask;
// the module refuses everyone without export permission, and householdScope keeps each viewer to their own cases.
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireStaff(request);
    const filter = parseHouseholdFilter(new URL(request.url).searchParams);
    const { filename, body } = await exportHouseholdsCsv(viewer, filter, { requestId: requestId(request) });
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
      },
    });
  });
