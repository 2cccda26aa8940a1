'use client';

import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../ui/api-client';

export type PushState = 'checking' | 'unsupported' | 'unavailable' | 'denied' | 'off' | 'on';

type PushConfig = { isEnabled: boolean; publicKey: string | null };

// The service worker is registered elsewhere (the offline shell); wait a little for it, not forever.
const REGISTRATION_WAIT_MS = 5_000;

/**
 * Web Push for this browser: whether it is on, and turning it on or off. Subscribes through the
 * page's service worker registration with the server's VAPID key and tells the server, which sends
 * {title, body, url, tag} to that worker's `push` event.
 */
export function usePushSubscription() {
  const [state, setState] = useState<PushState>('checking');
  const [isBusy, setIsBusy] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);
  const [publicKey, setPublicKey] = useState<string | null>(null);

  useEffect(() => {
    let isCancelled = false;
    void (async () => {
      const next = await readState();
      if (isCancelled) return;
      setPublicKey(next.publicKey);
      setState(next.state);
    })();
    return () => {
      isCancelled = true;
    };
  }, []);

  const enable = useCallback(async () => {
    if (!publicKey) return;
    setIsBusy(true);
    setHasFailed(false);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        setState(permission === 'denied' ? 'denied' : 'off');
        return;
      }
      const registration = await serviceWorkerRegistration();
      if (!registration) {
        setState('unsupported');
        return;
      }
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }));
      const saved = await callApi('/api/push/subscription', { body: subscription.toJSON() });
      if (!saved.ok) throw new Error(saved.error.message);
      setState('on');
    } catch {
      setHasFailed(true);
    } finally {
      setIsBusy(false);
    }
  }, [publicKey]);

  const disable = useCallback(async () => {
    setIsBusy(true);
    setHasFailed(false);
    try {
      const registration = await serviceWorkerRegistration();
      const subscription = await registration?.pushManager.getSubscription();
      if (subscription) {
        // Tell the server first: if that fails the browser still works and the person can retry.
        const removed = await callApi('/api/push/subscription', { method: 'DELETE', body: { endpoint: subscription.endpoint } });
        if (!removed.ok) throw new Error(removed.error.message);
        await subscription.unsubscribe();
      }
      setState('off');
    } catch {
      setHasFailed(true);
    } finally {
      setIsBusy(false);
    }
  }, []);

  return { state, isBusy, hasFailed, enable, disable };
}

async function readState(): Promise<{ state: PushState; publicKey: string | null }> {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) {
    return { state: 'unsupported', publicKey: null };
  }
  const config = await callApi<PushConfig>('/api/push');
  if (!config.ok || !config.data.isEnabled || !config.data.publicKey) return { state: 'unavailable', publicKey: null };
  const { publicKey } = config.data;
  if (Notification.permission === 'denied') return { state: 'denied', publicKey };
  const registration = await serviceWorkerRegistration();
  if (!registration) return { state: 'unsupported', publicKey };
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return { state: 'off', publicKey };
  // Re-register quietly: the server may have dropped it, or another person used this phone before.
  const saved = await callApi('/api/push/subscription', { body: subscription.toJSON() });
  return { state: saved.ok ? 'on' : 'off', publicKey };
}

async function serviceWorkerRegistration(): Promise<ServiceWorkerRegistration | null> {
  const existing = await navigator.serviceWorker.getRegistration();
  if (existing) return existing;
  return Promise.race([
    navigator.serviceWorker.ready,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), REGISTRATION_WAIT_MS)),
  ]);
}

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = (value + '='.repeat((4 - (value.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
