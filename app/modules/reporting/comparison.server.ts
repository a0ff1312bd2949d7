import { activityInPeriod, cohortConversion, resignations, timeToApproval } from '~/modules/reporting/definitions.server';
import type { ReportFilter } from '~/modules/reporting/report-filter';
import { SUPPRESSION_SYMBOL, text, type Cell, type CellMaker, type ReportTable } from '~/modules/reporting/report-table';

// The four councils side by side, for the regional board (issue 6, Screens). Each column is the definitions run for
// that council, so a column always equals the dashboard for the same council, and the last column is the same
// definitions for all four together (which also counts enquiries not yet placed with a council).

type Figures = {
  cohort: Awaited<ReturnType<typeof cohortConversion>>;
  activity: Awaited<ReturnType<typeof activityInPeriod>>;
  time: Awaited<ReturnType<typeof timeToApproval>>;
  retention: Awaited<ReturnType<typeof resignations>>;
};

async function figuresFor(filter: ReportFilter): Promise<Figures> {
  const [cohort, activity, time, retention] = await Promise.all([
    cohortConversion(filter),
    activityInPeriod(filter),
    timeToApproval(filter),
    resignations(filter),
  ]);
  return { cohort, activity, time, retention };
}

export async function buildCouncilComparison(
  filter: ReportFilter,
  councils: readonly { id: string; name: string }[],
  cells: CellMaker,
): Promise<ReportTable> {
  // Four councils at most: a fixed handful of small indexed queries, not one per row of data.
  const perCouncil = await Promise.all(councils.map((council) => figuresFor({ ...filter, councilId: council.id })));
  const all = councils.length > 1 ? await figuresFor({ ...filter, councilId: null }) : null;

  // Which council cells each count row hides, primary or secondary, so figures derived from them hide too.
  const hiddenByRow = new Map<string, boolean[]>();
  const countRow = (id: string, label: string, pick: (figures: Figures) => number) => {
    const values = perCouncil.map(pick);
    // Council cells printed beside their total: secondary suppression, so no hidden cell can be worked out.
    const { cells: councilCells, hidden } = cells.countsWithTotal(values);
    hiddenByRow.set(id, hidden);
    return { id, cells: [text(label), ...councilCells, ...(all ? [cells.count(pick(all))] : [])] };
  };
  const rateRow = (
    id: string,
    label: string,
    numerator: (figures: Figures) => number,
    denominator: (figures: Figures) => number,
    value: (figures: Figures) => number | null,
  ) => {
    // Hidden with its numerator or denominator, whether that was hidden as small or to protect another cell.
    const numeratorHidden = cells.countsWithTotal(perCouncil.map(numerator)).hidden;
    const denominatorHidden = cells.countsWithTotal(perCouncil.map(denominator)).hidden;
    const hidden = numeratorHidden.map((isHidden, index) => isHidden || denominatorHidden[index]);
    const rateOf = (figures: Figures, index: number | null): Cell => {
      const cell = cells.rate(numerator(figures), denominator(figures), value(figures));
      return index !== null && hidden[index] ? { kind: 'percent', value: SUPPRESSION_SYMBOL } : cell;
    };
    return { id, cells: [text(label), ...perCouncil.map((figures, index) => rateOf(figures, index)), ...(all ? [rateOf(all, null)] : [])] };
  };
  const daysRow = (id: string, label: string, pick: (figures: Figures) => number | null) => ({
    id,
    cells: [
      text(label),
      ...perCouncil.map((figures) => cells.derivedDays(pick(figures), [figures.time.n])),
      ...(all ? [cells.derivedDays(pick(all), [all.time.n])] : []),
    ],
  });
  // Net change = approvals − deregistrations: with either hidden in a column, the net change would give it back.
  const netRow = (id: string, label: string) => ({
    id,
    cells: [
      text(label),
      ...perCouncil.map((figures, index): Cell =>
        hiddenByRow.get('period-approvals')?.[index] || hiddenByRow.get('deregistrations')?.[index]
          ? { kind: 'count', value: SUPPRESSION_SYMBOL }
          : cells.derivedCount(figures.retention.net_change, [figures.retention.approvals, figures.retention.deregistrations]),
      ),
      ...(all ? [cells.derivedCount(all.retention.net_change, [all.retention.approvals, all.retention.deregistrations])] : []),
    ],
  });

  return {
    id: 'council-comparison',
    title: 'The councils side by side',
    columns: [{ label: 'Measure' }, ...councils.map((council) => ({ label: council.name, numeric: true })), ...(all ? [{ label: 'All four councils', numeric: true }] : [])],
    rows: [
      countRow('cohort-enquiries', 'Enquiries in the period (cohort)', (f) => f.cohort.enquiries),
      countRow('cohort-applications', 'Of those, applications by the “as at” date', (f) => f.cohort.applications),
      countRow('cohort-approvals', 'Of those, approvals by the “as at” date', (f) => f.cohort.approvals),
      rateRow('enquiry-to-application', 'Enquiry to application, cohort (%)', (f) => f.cohort.applications, (f) => f.cohort.enquiries, (f) => f.cohort.enquiry_to_application_pct),
      rateRow('application-to-approval', 'Application to approval, cohort (%)', (f) => f.cohort.approvals, (f) => f.cohort.applications, (f) => f.cohort.application_to_approval_pct),
      rateRow('enquiry-to-approval', 'Enquiry to approval, cohort (%)', (f) => f.cohort.approvals, (f) => f.cohort.enquiries, (f) => f.cohort.enquiry_to_approval_pct),
      countRow('period-enquiries', 'Enquiries dated in the period', (f) => f.activity.enquiries),
      countRow('period-applications', 'Applications dated in the period', (f) => f.activity.applications),
      countRow('period-approvals', 'Approvals dated in the period', (f) => f.activity.approvals),
      daysRow('median-days', 'Median days, application to approval', (f) => f.time.medianDaysApplicationToApproval),
      countRow('households-at-start', 'Approved households at the start', (f) => f.retention.households_at_start),
      countRow('resignations', 'Resignations', (f) => f.retention.resignations),
      countRow('deregistrations', 'Deregistrations (all endings)', (f) => f.retention.deregistrations),
      rateRow('resignation-rate', 'Resignation rate (%), benchmark 12%', (f) => f.retention.resignations, (f) => f.retention.households_at_start, (f) => f.retention.resignation_rate_pct),
      netRow('net-change', 'Net change (approvals minus deregistrations)'),
    ],
    notes: [
      'Enquiries and applications count for the council that holds the case; approvals, deregistrations and approved households for the approving council (DOMAIN.md §6.1).',
    ],
  };
}
