'use client';

import { useCallback, useEffect, useRef, useState } from 'react';

type AudioContextClass = typeof AudioContext;

// Two alternating tones (like a siren's hi-lo) in bursts: urgent and hard to mistake for a ringtone.
const HIGH_HZ = 1_046;
const LOW_HZ = 784;
const BEEP_S = 0.18;
const CYCLE_MS = 1_300;
const VIBRATION_PATTERN = [400, 120, 400];

function findAudioContext(): AudioContextClass | undefined {
  if (typeof window === 'undefined') return undefined;
  return window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
}

function beep(ctx: AudioContext, frequency: number, startAt: number, seconds: number, volume = 0.35) {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'square';
  oscillator.frequency.setValueAtTime(frequency, startAt);
  // Short ramps avoid clicks; the square wave carries through a pocket.
  gain.gain.setValueAtTime(0, startAt);
  gain.gain.linearRampToValueAtTime(volume, startAt + 0.01);
  gain.gain.setValueAtTime(volume, startAt + seconds - 0.02);
  gain.gain.linearRampToValueAtTime(0, startAt + seconds);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(startAt);
  oscillator.stop(startAt + seconds + 0.01);
}

function playAlarmCycle(ctx: AudioContext) {
  const start = ctx.currentTime + 0.02;
  for (let i = 0; i < 4; i += 1) beep(ctx, i % 2 === 0 ? HIGH_HZ : LOW_HZ, start + i * (BEEP_S + 0.04), BEEP_S);
}

function vibrate(pattern: number | number[]) {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return;
  try {
    navigator.vibrate(pattern);
  } catch {
    // Some browsers throw before the first tap instead of ignoring the call.
  }
}

/**
 * The phone's alarm. Browsers only allow sound after a tap, so `arm` must run inside a tap handler;
 * `isArmed` follows the AudioContext, which the system may suspend again (calls, other apps).
 */
export function useAlarm(shouldRing: boolean) {
  const contextRef = useRef<AudioContext | null>(null);
  const [isArmed, setIsArmed] = useState(false);
  const [isSupported, setIsSupported] = useState(true);

  useEffect(() => setIsSupported(Boolean(findAudioContext())), []);

  const arm = useCallback(async ({ isQuiet = false }: { isQuiet?: boolean } = {}) => {
    const Context = findAudioContext();
    if (!Context) return false;
    const ctx = contextRef.current ?? new Context();
    if (!contextRef.current) {
      contextRef.current = ctx;
      ctx.addEventListener('statechange', () => setIsArmed(ctx.state === 'running'));
    }
    try {
      await ctx.resume();
    } catch {
      // Left suspended: isArmed stays false and the start button remains on screen.
    }
    const isRunning = ctx.state === 'running';
    setIsArmed(isRunning);
    if (isRunning && !isQuiet) {
      // A short rising chirp proves to the user that the speaker works.
      beep(ctx, LOW_HZ, ctx.currentTime + 0.02, 0.12, 0.25);
      beep(ctx, HIGH_HZ, ctx.currentTime + 0.16, 0.16, 0.25);
      vibrate(80);
    }
    return isRunning;
  }, []);

  /** A gentle falling two-note sign for 警报解除, distinct from the alarm. */
  const chimeAllClear = useCallback(() => {
    const ctx = contextRef.current;
    if (ctx?.state !== 'running') return;
    beep(ctx, HIGH_HZ, ctx.currentTime + 0.02, 0.2, 0.2);
    beep(ctx, LOW_HZ, ctx.currentTime + 0.26, 0.3, 0.2);
  }, []);

  useEffect(() => {
    if (!shouldRing) return;
    const ring = () => {
      const ctx = contextRef.current;
      if (ctx?.state === 'running') playAlarmCycle(ctx);
      vibrate(VIBRATION_PATTERN);
    };
    ring();
    const timer = window.setInterval(ring, CYCLE_MS);
    return () => {
      window.clearInterval(timer);
      vibrate(0);
    };
  }, [shouldRing, isArmed]);

  return { isArmed, isSupported, arm, chimeAllClear };
}
