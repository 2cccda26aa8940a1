'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import styles from './press-and-hold.module.css';

type Props = {
  onComplete: () => void;
  label: string;
  holdingLabel: string;
  hint: string;
  isDisabled?: boolean;
  durationMs?: number;
  testId?: string;
};

const isHoldKey = (key: string) => key === ' ' || key === 'Enter';

/**
 * Fires only after being held for `durationMs`, with a filling bar; releasing early cancels.
 * Works with a mouse, a finger and the keyboard (hold Space or Enter), so a stray tap dispatches nobody.
 */
export function PressAndHoldButton({ onComplete, label, holdingLabel, hint, isDisabled = false, durationMs = 1_200, testId }: Props) {
  const [isHolding, setIsHolding] = useState(false);
  const timer = useRef<number | null>(null);
  const onCompleteRef = useRef(onComplete);
  onCompleteRef.current = onComplete;

  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    setIsHolding(false);
  };

  const start = () => {
    if (isDisabled || timer.current !== null) return;
    setIsHolding(true);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      setIsHolding(false);
      onCompleteRef.current();
    }, durationMs);
  };

  useEffect(() => {
    if (isDisabled) cancel();
  }, [isDisabled]);
  useEffect(() => cancel, []);

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    start();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!isHoldKey(event.key)) return;
    // No scrolling on Space, and no native click on Enter: only the hold counts.
    event.preventDefault();
    if (!event.repeat) start();
  };
  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!isHoldKey(event.key)) return;
    event.preventDefault();
    cancel();
  };

  return (
    <div className={styles.wrap}>
      <button
        type="button"
        className={styles.button}
        data-testid={testId}
        data-holding={isHolding}
        disabled={isDisabled}
        aria-describedby={testId ? `${testId}-hint` : undefined}
        onPointerDown={onPointerDown}
        onPointerUp={cancel}
        onPointerLeave={cancel}
        onPointerCancel={cancel}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
        onBlur={cancel}
        onContextMenu={(event) => event.preventDefault()}
      >
        <span
          className={styles.fill}
          aria-hidden="true"
          style={{ transitionDuration: isHolding ? `${durationMs}ms` : '0ms' }}
          data-holding={isHolding}
        />
        <span className={styles.label}>{isHolding ? holdingLabel : label}</span>
      </button>
      <span className={styles.hint} id={testId ? `${testId}-hint` : undefined}>
        {hint}
      </span>
    </div>
  );
}
