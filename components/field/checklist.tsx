'use client';

import { useEffect, useState } from 'react';
import styles from './field.module.css';

const storageKey = (listId: string) => `ecodispatch:checklist:${listId}`;

/** Ticks are the user's own packing aid, kept on this phone only (they survive a reload). */
export function Checklist({ listId, items }: { listId: string; items: string[] }) {
  const [checked, setChecked] = useState<Set<number>>(new Set());

  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey(listId)) ?? '[]') as unknown;
      if (Array.isArray(saved)) setChecked(new Set(saved.filter((n): n is number => typeof n === 'number')));
    } catch {
      // Private mode or a corrupt value: start with nothing ticked.
    }
  }, [listId]);

  function toggle(index: number) {
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      try {
        window.localStorage.setItem(storageKey(listId), JSON.stringify([...next]));
      } catch {
        // Not saved; the ticks still work for this page view.
      }
      return next;
    });
  }

  return (
    <ul className={styles.checklist}>
      {items.map((item, index) => {
        const id = `check-${listId}-${index}`;
        return (
          <li key={id}>
            <input id={id} type="checkbox" checked={checked.has(index)} onChange={() => toggle(index)} />
            <label htmlFor={id}>{item}</label>
          </li>
        );
      })}
    </ul>
  );
}
