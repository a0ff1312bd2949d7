import { describe, expect, it } from 'vitest';
import { formatCsv, parseReportArguments } from '~/modules/reporting/report-cli';

const TODAY = '2026-11-23';

describe('parseReportArguments', () => {
  it('reads the conversion report with every option, in either --name value or --name=value form', () => {
    expect(
      parseReportArguments(['conversion', '--from', '2025-04-01', '--to=2026-03-31', '--as-at', '2026-04-30', '--council', 'derbyshire', '--route=kinship'], TODAY),
    ).toEqual({
      ok: true,
      request: { report: 'conversion', from: '2025-04-01', to: '2026-03-31', asAt: '2026-04-30', councilId: 'derbyshire', route: 'kinship' },
    });
  });

  it('takes today as the as-at date, every council and both routes by default', () => {
    expect(parseReportArguments(['resignations', '--from', '2025-04-01', '--to', '2025-04-01'], TODAY)).toEqual({
      ok: true,
      request: { report: 'resignations', from: '2025-04-01', to: '2025-04-01', asAt: TODAY, councilId: null, route: null },
    });
  });

  it.each([
    [[], 'Name the report: conversion or resignations.'],
    [['--from', '2025-04-01'], 'Name the report: conversion or resignations.'],
    [['funnel'], 'There is no report called “funnel”: choose conversion or resignations.'],
    [['conversion', '--to', '2026-03-31'], '--from is missing: give the first day of the period.'],
    [['conversion', '--from', '2025-04-01', '--to'], '--to needs a value.'],
    [['conversion', '--from', '--to', '2026-03-31'], '--from needs a value.'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-02-29'], '--to 2026-02-29 is not a real date written YYYY-MM-DD, like 2025-04-01.'],
    [['conversion', '--from', '01/04/2025', '--to', '2026-03-31'], '--from 01/04/2025 is not a real date written YYYY-MM-DD, like 2025-04-01.'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-03-31', '--as-at', '2026-04-31'], '--as-at 2026-04-31 is not a real date written YYYY-MM-DD, like 2025-04-01.'],
    [['conversion', '--from', '2025-04-02', '--to', '2025-04-01'], 'The period ends (2025-04-01) before it starts (2025-04-02).'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-03-31', '--route', 'Kinship'], 'There is no route “Kinship”: choose mainstream or kinship.'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-03-31', '--from', '2025-05-01'], '--from is given more than once.'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-03-31', '--councl', 'derbyshire'], 'The conversion report has no option --councl.'],
    [['conversion', '--from', '2025-04-01', '--to', '2026-03-31', 'derbyshire'], 'Unexpected argument “derbyshire”.'],
    [['resignations', '--from', '2025-04-01', '--to', '2026-03-31', '--as-at', '2026-03-31'], 'The resignations report has no option --as-at.'],
  ])('refuses %j', (argv, message) => {
    const parsed = parseReportArguments(argv, TODAY);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message.split('\n')[0]).toBe(message);
      expect(parsed.message).toContain('Usage:');
    }
  });
});

describe('formatCsv', () => {
  it('writes counts as they are, percentages with one decimal and an empty cell for no percentage', () => {
    expect(
      formatCsv(
        ['enquiries', 'rate_pct', 'net'],
        [
          { council: 'derby-city', figures: { enquiries: 8, rate_pct: 62.5, net: -2 } },
          { council: 'a "quoted", council', figures: { enquiries: 0, rate_pct: null, net: 0 } },
          { council: 'all', figures: { enquiries: 3, rate_pct: 100, net: 1 } },
        ],
        ['rate_pct'],
      ),
    ).toBe('council,enquiries,rate_pct,net\nderby-city,8,62.5,-2\n"a ""quoted"", council",0,,0\nall,3,100.0,1\n');
  });
});
