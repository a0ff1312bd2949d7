import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy, Field, INPUT_BASE_CLASS, inputBorderClass } from './Field';

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className' | 'style'> & {
  name: string;
  id?: string;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
};

export function Textarea({ name, id = name, label, labelIsPageHeading, hint, error, rows = 5, ...textareaProps }: TextareaProps) {
  return (
    <Field id={id} label={label} labelIsPageHeading={labelIsPageHeading} hint={hint} error={error}>
      <textarea
        {...textareaProps}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(id, { hint, error })}
        aria-invalid={error ? true : undefined}
        className={`${INPUT_BASE_CLASS} ${inputBorderClass(error)} w-full md:w-3/4`}
      />
    </Field>
  );
}
