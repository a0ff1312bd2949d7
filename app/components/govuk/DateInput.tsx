import type { ReactNode } from 'react';
import { Fieldset, INPUT_BASE_CLASS, inputBorderClass } from './Field';

type DateInputProps = {
  /** Inputs are named `<name>-day`, `<name>-month` and `<name>-year`; `parseForm` and `ukDateField` read them. */
  name: string;
  /** The day input takes this id (default `name`), so an error summary link `#name` lands on it. */
  id?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  /** What the person typed, straight from `parseForm(...).values`. */
  values?: Record<string, string | undefined>;
  /** An existing date ('YYYY-MM-DD') to show when there is nothing typed yet. */
  defaultDate?: string;
  /** 'bday' for a date of birth. */
  autoCompletePrefix?: 'bday';
};

function partsOf(name: string, values: DateInputProps['values'], defaultDate: string | undefined) {
  if (values && [`${name}-day`, `${name}-month`, `${name}-year`].some((key) => values[key] !== undefined)) {
    return { day: values[`${name}-day`] ?? '', month: values[`${name}-month`] ?? '', year: values[`${name}-year`] ?? '' };
  }
  const match = defaultDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(defaultDate) : null;
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

export function DateInput({
  name,
  id = name,
  values,
  defaultDate,
  autoCompletePrefix,
  error,
  ...fieldset
}: DateInputProps) {
  const parts = partsOf(name, values, defaultDate);
  const inputs = [
    { part: 'day', label: 'Day', inputId: id, widthClass: 'w-[5.4ex]', value: parts.day },
    { part: 'month', label: 'Month', inputId: `${id}-month`, widthClass: 'w-[5.4ex]', value: parts.month },
    { part: 'year', label: 'Year', inputId: `${id}-year`, widthClass: 'w-[9ex]', value: parts.year },
  ] as const;
  return (
    <Fieldset id={id} error={error} {...fieldset}>
      <div className="flex gap-4">
        {inputs.map((input) => (
          <div key={input.part}>
            <label htmlFor={input.inputId} className="mb-1 block">
              {input.label}
            </label>
            <input
              id={input.inputId}
              name={`${name}-${input.part}`}
              type="text"
              inputMode="numeric"
              defaultValue={input.value}
              aria-invalid={error ? true : undefined}
              autoComplete={autoCompletePrefix ? `${autoCompletePrefix}-${input.part}` : undefined}
              className={`${INPUT_BASE_CLASS} ${inputBorderClass(error)} ${input.widthClass} box-content`}
            />
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
