'use client';

import { useCallback, useEffect, useRef } from 'react';

type AudioContextClass = typeof AudioContext;

// The dashboard's "a report came in" sound: three rising tones, softer than the phone's alarm
// (components/field/use-alarm.ts) and clearly not it. Browsers allow sound only after the page was
// touched, so the context is created and resumed on the officer's first click or key on the page.
const TONES_HZ = [659, 880, 1_175];

function findAudioContext(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined;
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
}

export function useReportChime() {
  const contextRef = useRef<AudioContext | null>(null);

  useEffect(() => {
    const unlock = () => {
      const Context = findAudioContext();
      if (!Context) return;
      contextRef.current ??= new Context();
      void contextRef.current.resume().catch(() => {});
    };
    window.addEventListener('pointerdown', unlock, { capture: true });
    window.addEventListener('keydown', unlock, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', unlock, { capture: true });
      window.removeEventListener('keydown', unlock, { capture: true });
      void contextRef.current?.close().catch(() => {});
      contextRef.current = null;
    };
  }, []);

  /** Plays the chime; false when the browser has not allowed sound yet (the page shows that). */
  return useCallback((): boolean => {
    const ctx = contextRef.current;
    if (!ctx || ctx.state !== 'running') return false;
    const start = ctx.currentTime + 0.02;
    TONES_HZ.forEach((frequency, index) => {
      const at = start + index * 0.16;
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'triangle';
      oscillator.frequency.setValueAtTime(frequency, at);
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.3, at + 0.01);
      gain.gain.linearRampToValueAtTime(0, at + 0.15);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.16);
    });
    return true;
  }, []);
}
