import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, Field, INPUT_BASE_CLASS, inputBorderClass } from './Field';

const WIDTHS = {
  full: 'w-full',
  'three-quarters': 'w-full md:w-3/4',
  'two-thirds': 'w-full md:w-2/3',
  '20': 'w-full max-w-[41ex]',
  '10': 'w-full max-w-[23ex]',
  '5': 'w-full max-w-[10.8ex]',
  '4': 'w-full max-w-[9ex]',
  '3': 'w-full max-w-[7.2ex]',
  '2': 'w-full max-w-[5.4ex]',
} as const;

export type InputWidth = keyof typeof WIDTHS;

export function inputWidthClass(width: InputWidth) {
  return WIDTHS[width];
}

type TextInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className' | 'style'> & {
  name: string;
  /** Defaults to `name`, so that an error summary link `#name` lands on this input. */
  id?: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  width?: InputWidth;
};

export function TextInput({
  name,
  id = name,
  label,
  labelIsPageHeading,
  hint,
  error,
  width = 'full',
  type = 'text',
  ...inputProps
}: TextInputProps) {
  return (
    <Field id={id} label={label} labelIsPageHeading={labelIsPageHeading} hint={hint} error={error}>
      <input
        {...inputProps}
        id={id}
        name={name}
        type={type}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`${INPUT_BASE_CLASS} ${inputBorderClass(error)} ${inputWidthClass(width)}`}
      />
    </Field>
  );
}
