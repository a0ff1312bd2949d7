import type { ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, Field, INPUT_BASE_CLASS, inputBorderClass } from './Field';

export type SelectOption = { value: string; label: string };

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className' | 'style' | 'children'> & {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly SelectOption[];
  /** A first option with an empty value, such as "Choose a council". */
  placeholder?: string;
};

export function Select({ name, id = name, label, hint, error, options, placeholder, ...selectProps }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        {...selectProps}
        id={id}
        name={name}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`${INPUT_BASE_CLASS} ${inputBorderClass(error)} min-w-[11.5em] max-w-full`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
