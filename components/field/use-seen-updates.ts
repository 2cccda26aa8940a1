'use client';

import { useCallback, useEffect, useState } from 'react';

// Which 情况通报 this person has dismissed on this phone, kept with the phone's other offline data:
// a redelivered update, a reload or a reconnect never shows the same banner twice.
const MAX_KEPT = 300;
const keyOf = (userId: string) => `ecodispatch:seen-updates:${userId}`;

function read(userId: string): string[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(keyOf(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function useSeenUpdates(userId: string) {
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSeen(new Set(read(userId))), [userId]);

  const markSeen = useCallback(
    (updateIds: string[]) => {
      const kept = [...new Set([...read(userId), ...updateIds])].slice(-MAX_KEPT);
      try {
        window.localStorage.setItem(keyOf(userId), JSON.stringify(kept));
      } catch {
        // Storage full or refused: the banner still goes for this page's life.
      }
      setSeen(new Set(kept));
    },
    [userId],
  );
  return { seen, markSeen };
}
