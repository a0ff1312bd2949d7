import type { ReactNode } from 'react';
import { ChoiceGroup, type ChoiceItem } from './choices';

type CheckboxesProps = {
  name: string;
  id?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  items: readonly ChoiceItem[];
  /** The ticked values: an array, or the comma-joined string that `parseForm` keeps in `values`. */
  defaultValues?: readonly string[] | string;
};

export function Checkboxes({ name, id = name, defaultValues = [], ...group }: CheckboxesProps) {
  const ticked = new Set(typeof defaultValues === 'string' ? defaultValues.split(',') : defaultValues);
  return <ChoiceGroup type="checkbox" id={id} name={name} isChecked={(value) => ticked.has(value)} {...group} />;
}
