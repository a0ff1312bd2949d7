import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { FilterSummary, scopeCaption } from '~/components/charts/FilterSummary';
import { ReportFilterForm } from '~/components/charts/ReportFilterForm';
import { ReportTableView } from '~/components/charts/ReportTableView';
import { Button } from '~/components/govuk/Button';
import { DateInput } from '~/components/govuk/DateInput';
import { ErrorSummary } from '~/components/govuk/ErrorSummary';
import { NotificationBanner } from '~/components/govuk/NotificationBanner';
import { PageHeading } from '~/components/govuk/PageHeading';
import { Radios } from '~/components/govuk/Radios';
import { Select } from '~/components/govuk/Select';
import { TextInput } from '~/components/govuk/TextInput';
import { parseForm } from '~/lib/forms';
import { handleDomainErrors, requestId } from '~/lib/http.server';
import { requireViewer } from '~/modules/auth/access.server';
import { readDashboardFilter } from '~/modules/reporting/conversion-dashboard.server';
import { COST_RATES, costParameterSchema } from '~/modules/reporting/cost-schema';
import { recordCostParameter } from '~/modules/reporting/costs.server';
import { getCostPage } from '~/modules/reporting/report-pages.server';

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded && Object.keys(loaded.errors).length > 0 ? 'Error: ' : ''}Costs – Foster for East Midlands` },
];

export const loader = ({ request }: LoaderFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const url = new URL(request.url);
    const loaded = await readDashboardFilter(viewer, url.searchParams);
    const page = await getCostPage(viewer, loaded);
    const { filter, councils, errors, values, mayChooseCouncil } = loaded;
    const saved = url.searchParams.get('saved') === '1';
    url.searchParams.delete('saved');
    return { ...page, filter, councils, errors, values, mayChooseCouncil, saved, search: url.search };
  });

export const action = ({ request }: ActionFunctionArgs) =>
  handleDomainErrors(async () => {
    const viewer = await requireViewer(request, { area: 'reports' });
    const parsed = parseForm(costParameterSchema, await request.formData());
    if (!parsed.ok) return data(parsed, { status: 400 });
    await recordCostParameter(viewer, parsed.data, { requestId: requestId(request) });
    const url = new URL(request.url);
    url.searchParams.set('saved', '1');
    return redirect(`/reports/costs?${url.searchParams}`);
  });

export default function CostsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formErrors = result && !result.ok ? result.fieldErrors : {};
  const formValues: Record<string, string> = result && !result.ok ? result.values : {};
  return (
    <>
      {page.saved ? <NotificationBanner variant="success">Cost assumption saved.</NotificationBanner> : null}
      <ErrorSummary errors={{ ...page.errors, ...formErrors }} />
      <PageHeading caption={scopeCaption(page.filter, page.councils)}>Costs: in-house carers and agencies</PageHeading>
      <FilterSummary filter={page.filter} suppressed={page.suppressed} hasErrors={Object.keys(page.errors).length > 0} />
      <ReportFilterForm filter={page.filter} values={page.values} errors={page.errors} councils={page.councils} mayChooseCouncil={page.mayChooseCouncil} />
      {page.tables?.map((table) => <ReportTableView key={table.id} table={table} csvHref={`/reports/csv/${table.id}${page.search}`} />)}

      {page.editableCouncils.length > 0 ? (
        <Form method="post" className="mb-10 max-w-2xl" noValidate>
          <h2 className="mb-4 text-2xl font-bold">Change a weekly cost</h2>
          <p className="mb-4">The new figure applies from the date you give. Earlier figures are kept for earlier periods.</p>
          <Select
            name="councilId"
            label="Council"
            options={page.editableCouncils.map((council) => ({ value: council.id, label: council.name }))}
            defaultValue={formValues.councilId ?? page.editableCouncils[0].id}
            error={formErrors.councilId}
          />
          <Radios
            name="name"
            legend="Which cost"
            items={COST_RATES.map((rate) => ({ value: rate.code, label: rate.label }))}
            defaultValue={formValues.name}
            error={formErrors.name}
          />
          <TextInput name="weekly" label="Weekly cost in pounds" hint="For example, 634" width="10" inputMode="decimal" defaultValue={formValues.weekly} error={formErrors.weekly} />
          <DateInput name="effectiveFrom" legend="Applies from" hint="For example, 1 4 2025" values={formValues} error={formErrors.effectiveFrom} />
          <TextInput name="source" label="Where the figure comes from" hint="A document and page, so others can check it" defaultValue={formValues.source} error={formErrors.source} />
          <Button>Save cost</Button>
        </Form>
      ) : null}

    </>
  );
}
