'use client';

import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import styles from './checklist.module.css';
import { ItemFrame } from './item-frame';

/** What a step draws one entry with: the entry, where its errors live, its field ids, and how to change it. */
export type ItemScope<T> = {
  item: T;
  index: number;
  /** The entry's path in the checklist's error map, e.g. `points.2`. */
  path: string;
  /** A DOM id for one of the entry's fields, unique on the page. */
  id: (field: string) => string;
  /** The change handler of one text field of the entry. */
  set: (field: keyof T & string) => (value: string) => void;
  /** Replaces the entry. */
  update: (item: T) => void;
};

type Props<T extends { key: string }> = {
  items: T[];
  onChange: (items: T[]) => void;
  /** The list's path in the checklist's error map: `storages`, `points`, `contacts`, `materials`. */
  listPath: string;
  /** Prefix of the entries' field ids and of their test ids (`checklist-<kind>`, `checklist-add-<kind>`). */
  kind: string;
  titleOf: (item: T) => string;
  create: () => T;
  addLabel: string;
  children: (scope: ItemScope<T>) => ReactNode;
};

/** A checklist step's list: numbered entries, each removable, and a button that adds one. */
export function ItemList<T extends { key: string }>({ items, onChange, listPath, kind, titleOf, create, addLabel, children }: Props<T>) {
  const replace = (index: number, item: T) => onChange(items.map((current, position) => (position === index ? item : current)));
  return (
    <div className={styles.items}>
      {items.map((item, index) => (
        <ItemFrame
          key={item.key}
          index={index}
          title={titleOf(item)}
          testId={`checklist-${kind}`}
          onRemove={() => onChange(items.filter((_, at) => at !== index))}
        >
          {children({
            item,
            index,
            path: `${listPath}.${index}`,
            id: (field) => `${kind}-${index}-${field}`,
            set: (field) => (value) => replace(index, { ...item, [field]: value }),
            update: (next) => replace(index, next),
          })}
        </ItemFrame>
      ))}
      <Button onClick={() => onChange([...items, create()])} data-testid={`checklist-add-${kind}`}>
        + {addLabel}
      </Button>
    </div>
  );
}
