import type { ReactNode } from 'react';
import { ChoiceGroup, type ChoiceItem } from './choices';

type RadiosProps = {
  name: string;
  id?: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  items: readonly ChoiceItem[];
  defaultValue?: string;
  /** Side by side; only for two short answers such as Yes and No. */
  inline?: boolean;
};

export function Radios({ name, id = name, defaultValue, ...group }: RadiosProps) {
  return <ChoiceGroup type="radio" id={id} name={name} isChecked={(value) => value === defaultValue} {...group} />;
}
