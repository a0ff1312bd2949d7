import { Form } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { Select } from '~/components/govuk/Select';
import type { ReportFilter } from '~/modules/reporting/report-filter';

// The reports' GET form: period, "as at" date, council (only for viewers who see more than one) and route. Works
// without JavaScript; the query string is the whole state, so a URL can be shared or bookmarked. It sits folded
// above the figures (a native details element, no script), and opens by itself when what was typed has a mistake.

type ReportFilterFormProps = {
  filter: ReportFilter;
  values: Record<string, string>;
  errors: Record<string, string>;
  councils: readonly { id: string; name: string }[];
  mayChooseCouncil: boolean;
  /** The comparison and cost pages show every council side by side, so they offer no council choice. */
  offerCouncil?: boolean;
};

export function ReportFilterForm({
  filter,
  values,
  errors,
  councils,
  mayChooseCouncil,
  offerCouncil = true,
}: ReportFilterFormProps) {
  return (
    <details className="mb-10 print:hidden" open={Object.keys(errors).length > 0}>
      <summary className="mb-4 cursor-pointer text-lg text-brand underline">
        Change the period, council or route
      </summary>
      <Form method="get" className="border-l-4 border-line pl-4">
        <DateInput
          name="from"
          legend="Start date"
          hint="For example, 1 4 2025"
          values={values}
          defaultDate={filter.from}
          error={errors.from}
        />
        <DateInput
          name="to"
          legend="End date"
          hint="For example, 31 3 2026"
          values={values}
          defaultDate={filter.to}
          error={errors.to}
        />
        <DateInput
          name="asAt"
          legend="Count progress up to"
          hint="Usually today"
          values={values}
          defaultDate={filter.asAt}
          error={errors.asAt}
        />
        {mayChooseCouncil && offerCouncil ? (
          <Select
            name="council"
            label="Council"
            options={[
              { value: '', label: 'All four councils' },
              ...councils.map((council) => ({
                value: council.id,
                label: council.name,
              })),
            ]}
            defaultValue={values.council ?? filter.councilId ?? ''}
            error={errors.council}
          />
        ) : null}
        <Select
          name="route"
          label="Route"
          options={[
            { value: '', label: 'Mainstream and kinship' },
            { value: 'mainstream', label: 'Mainstream' },
            { value: 'kinship', label: 'Kinship' },
          ]}
          defaultValue={values.route ?? filter.route ?? ''}
          error={errors.route}
        />
        <Button>Show figures</Button>
      </Form>
    </details>
  );
}
