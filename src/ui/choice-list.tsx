import type { ReactNode, Ref } from 'react';

export interface ChoiceItem {
  id: string;
  label: string;
  picture?: ReactNode;
  exclusive?: boolean;
}

interface Props {
  name: string;
  labelledBy: string;
  describedBy?: string;
  items: ChoiceItem[];
  multiple: boolean;
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  variant?: 'faces' | 'cards';
  ref?: Ref<HTMLDivElement>;
}

/** Choosing an exclusive option ("Nobody") clears the rest, and choosing another clears it. */
function toggle(items: ChoiceItem[], chosen: string[], id: string, checked: boolean): string[] {
  if (!checked) return chosen.filter((c) => c !== id);
  const item = items.find((i) => i.id === id);
  if (item?.exclusive) return [id];
  const exclusive = new Set(items.filter((i) => i.exclusive).map((i) => i.id));
  return [...chosen.filter((c) => !exclusive.has(c)), id];
}

/**
 * Big tappable cards over native radio buttons or checkboxes, so keyboards and screen readers
 * get the semantics for free. Each input covers its whole card: the card is the tap target.
 * The mark on a card looks like what it is: square for "choose many", round for "choose one".
 */
export function ChoiceList({ name, labelledBy, describedBy, items, multiple, value, onChange, variant = 'cards', ref }: Props) {
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <div
      ref={ref}
      role={multiple ? 'group' : 'radiogroup'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`choices choices--${variant}${multiple ? ' choices--multiple' : ''}`}
    >
      {items.map((item) => {
        const checked = chosen.includes(item.id);
        return (
          <label key={item.id} className="choice">
            <input
              className="choice__input"
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={item.id}
              checked={checked}
              onChange={(event) =>
                onChange(multiple ? toggle(items, chosen, item.id, event.target.checked) : item.id)
              }
            />
            {item.picture}
            <span className="choice__label">{item.label}</span>
            <span className="choice__mark" aria-hidden="true" />
          </label>
        );
      })}
    </div>
  );
}
