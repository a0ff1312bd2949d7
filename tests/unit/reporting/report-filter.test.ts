import { describe, expect, it } from 'vitest';
import { isReportRoute, REPORT_ROUTES } from '~/modules/reporting/report-filter';

describe('isReportRoute', () => {
  it('knows the two routes and nothing else', () => {
    expect(REPORT_ROUTES).toEqual(['mainstream', 'kinship']);
    expect(['mainstream', 'kinship', 'Mainstream', 'both', ''].map(isReportRoute)).toEqual([true, true, false, false, false]);
  });
});
