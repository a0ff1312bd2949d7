import { Form, Link } from '@remix-run/react';
import { Button } from '~/components/govuk/Button';
import { Fieldset } from '~/components/govuk/Field';
import { Select, type SelectOption } from '~/components/govuk/Select';
import { TextInput } from '~/components/govuk/TextInput';
import { SORT_OPTIONS, sortValue, type HouseholdFilter } from '~/modules/households/filters';

export type HouseholdFilterChoices = {
  councils: readonly SelectOption[];
  workers: readonly SelectOption[];
  interests: readonly SelectOption[];
  stageGroups: readonly SelectOption[];
  /** The configured STALLED_AFTER_DAYS, which the browser cannot read itself. */
  stalledAfterDays: number;
};

type HouseholdFilterFormProps = {
  /** Where the form sends its GET: the list or the board. */
  action: string;
  values: HouseholdFilter;
  choices: HouseholdFilterChoices;
  /** The label of `values.stage`, kept as a hidden field when a link narrowed the page to one stage. */
  stageLabel: string | null;
};

const ROUTES: readonly SelectOption[] = [
  { value: 'mainstream', label: 'Mainstream fostering' },
  { value: 'kinship', label: 'Kinship (family and friends)' },
];

/** The household filters as a GET form, so every filtered page is a link that can be shared or bookmarked. */
export function HouseholdFilterForm({ action, values, choices, stageLabel }: HouseholdFilterFormProps) {
  return (
    <Form method="get" action={action} className="mb-6 border-b border-line pb-2">
      <TextInput
        name="q"
        label="Search households"
        hint="Reference, surname, postcode, email address or phone number"
        defaultValue={values.q ?? ''}
        width="two-thirds"
        type="search"
      />
      <div className="grid gap-x-6 md:grid-cols-3">
        {choices.councils.length > 0 ? (
          <Select name="council" label="Council" placeholder="All councils" options={choices.councils} defaultValue={values.councilId ?? ''} />
        ) : null}
        <Select name="route" label="Route" placeholder="All routes" options={ROUTES} defaultValue={values.route ?? ''} />
        <Select name="worker" label="Worker" placeholder="All workers" options={choices.workers} defaultValue={values.ownerId ?? ''} />
        <Select name="type" label="Enquiry type" placeholder="All enquiry types" options={choices.interests} defaultValue={values.interest ?? ''} />
        <Select name="group" label="Stage" placeholder="All stages" options={choices.stageGroups} defaultValue={values.stageGroup ?? ''} />
        <Select name="sort" label="Sort by" options={SORT_OPTIONS} defaultValue={sortValue(values)} />
      </div>
      <Fieldset id="only" legend="Only show">
        <div className="space-y-3">
          <FlagCheckbox name="overdue" label="Overdue: the next deadline has passed" checked={values.overdue} />
          <FlagCheckbox name="stalled" label={`Stalled: no activity for ${choices.stalledAfterDays} days or more`} checked={values.stalled} />
        </div>
      </Fieldset>
      {values.stage && stageLabel ? (
        <p className="mb-6">
          <input type="hidden" name="stage" value={values.stage} />
          Only households at the stage ‘{stageLabel}’.
        </p>
      ) : null}
      <div className="flex flex-wrap items-baseline gap-x-6">
        <Button variant="secondary">Apply filters</Button>
        <Link to={action} className="mb-8">
          Clear filters
        </Link>
      </div>
    </Form>
  );
}

function FlagCheckbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={name}
        name={name}
        type="checkbox"
        value="1"
        defaultChecked={checked}
        className="mt-0.5 h-8 w-8 shrink-0 cursor-pointer accent-ink"
      />
      <label htmlFor={name} className="block cursor-pointer py-1">
        {label}
      </label>
    </div>
  );
}
