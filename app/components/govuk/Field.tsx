import type { ReactNode } from 'react';

export type FieldMessages = { hint?: ReactNode; error?: string };

export function hintId(id: string) {
  return `${id}-hint`;
}

export function errorId(id: string) {
  return `${id}-error`;
}

/** The ids an input (or fieldset) should name in aria-describedby: its hint, then its error. */
export function describedBy(id: string, { hint, error }: FieldMessages): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={hintId(id)} className="mb-3 text-muted">
      {children}
    </div>
  );
}

/** GOV.UK error message: red, bold, with a visually hidden "Error:" so a screen reader says why it is there. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={errorId(id)} className="mb-3 font-bold text-danger">
      <span className="sr-only">Error: </span>
      {children}
    </p>
  );
}

/** The group around one question: a red bar on the left when it has an error. */
export function FormGroup({ error, children }: { error?: string; children: ReactNode }) {
  return <div className={error ? 'mb-8 border-l-[5px] border-danger pl-4' : 'mb-8'}>{children}</div>;
}

type FieldProps = FieldMessages & {
  id: string;
  label: ReactNode;
  /** Use when this is the only question on the page: the label becomes the h1. */
  labelIsPageHeading?: boolean;
  children: ReactNode;
};

/** Label, hint and error message around one control. Give the control `id` and `describedBy(id, { hint, error })`. */
export function Field({ id, label, labelIsPageHeading = false, hint, error, children }: FieldProps) {
  const labelElement = (
    <label
      htmlFor={id}
      className={labelIsPageHeading ? 'mb-3 block text-3xl font-bold md:text-5xl' : 'mb-1 block font-bold'}
    >
      {label}
    </label>
  );
  return (
    <FormGroup error={error}>
      {labelIsPageHeading ? <h1>{labelElement}</h1> : labelElement}
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      {children}
    </FormGroup>
  );
}

type FieldsetProps = FieldMessages & {
  id: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  children: ReactNode;
};

/** A question answered by several controls (radios, checkboxes, a date). */
export function Fieldset({ id, legend, legendIsPageHeading = false, hint, error, children }: FieldsetProps) {
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedBy(id, { hint, error })}>
        <legend className={legendIsPageHeading ? 'mb-3 text-3xl font-bold md:text-5xl' : 'mb-2 font-bold'}>
          {legendIsPageHeading ? <h1>{legend}</h1> : legend}
        </legend>
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
        {children}
      </fieldset>
    </FormGroup>
  );
}

export const INPUT_BASE_CLASS = 'block border-2 bg-white px-2 py-1.5 text-base text-ink md:text-lg';

export function inputBorderClass(error?: string) {
  return error ? 'border-danger' : 'border-ink';
}
