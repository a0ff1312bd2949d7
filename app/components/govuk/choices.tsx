import type { ReactNode } from 'react';
import { Fieldset, hintId } from './Field';

export type ChoiceItem = { value: string; label: ReactNode; hint?: ReactNode };

/** GOV.UK gives the first item the group's id, so an error summary link `#name` lands on it. */
export function choiceId(groupId: string, index: number) {
  return index === 0 ? groupId : `${groupId}-${index + 1}`;
}

type ChoiceGroupProps = {
  type: 'radio' | 'checkbox';
  id: string;
  name: string;
  legend: ReactNode;
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: string;
  items: readonly ChoiceItem[];
  isChecked: (value: string) => boolean;
  inline?: boolean;
};

export function ChoiceGroup({ type, id, name, items, isChecked, inline = false, ...fieldset }: ChoiceGroupProps) {
  return (
    <Fieldset id={id} {...fieldset}>
      <div className={inline ? 'flex flex-wrap gap-x-6' : 'space-y-3'}>
        {items.map((item, index) => {
          const itemId = choiceId(id, index);
          return (
            <div key={item.value} className="flex items-start gap-3">
              <input
                id={itemId}
                name={name}
                type={type}
                value={item.value}
                defaultChecked={isChecked(item.value)}
                aria-describedby={item.hint ? hintId(itemId) : undefined}
                className="mt-0.5 h-8 w-8 shrink-0 cursor-pointer accent-ink"
              />
              <div>
                <label htmlFor={itemId} className="block cursor-pointer py-1">
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={hintId(itemId)} className="text-muted">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
