'use client';

import { useEffect } from 'react';

/** What this page already loaded (scripts, one-maps), which the worker could not see before it controlled the page; it keeps what it may. */
function loadedAssetUrls(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(`${location.origin}/`));
}

/**
 * Installs the offline worker (public/sw.js) from the field page. Production only: in development
 * Next's hot reload serves changing chunks that a cache-first worker would pin.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const offerAssets = () => navigator.serviceWorker.controller?.postMessage({ type: 'cache-urls', urls: loadedAssetUrls() });
    const register = () =>
      navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(() => navigator.serviceWorker.ready)
        .then((registration) => registration.active?.postMessage({ type: 'cache-urls', urls: loadedAssetUrls() }))
        // Without a worker the page still works online; offline viewing is what is lost.
        .catch(() => undefined);
    // After the page has loaded and the main thread is idle: installing precaches the shell (a second
    // /field render, the chunks), which would otherwise compete with the first paint and hydration.
    // Some Safari versions have no requestIdleCallback.
    const hasIdleCallback = typeof window.requestIdleCallback === 'function';
    let cancel = () => {};
    const whenIdle = () => {
      if (hasIdleCallback) {
        const id = window.requestIdleCallback(register, { timeout: 3_000 });
        cancel = () => window.cancelIdleCallback(id);
      } else {
        const id = window.setTimeout(register, 200);
        cancel = () => window.clearTimeout(id);
      }
    };
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    navigator.serviceWorker.addEventListener('controllerchange', offerAssets);
    return () => {
      window.removeEventListener('load', whenIdle);
      cancel();
      navigator.serviceWorker.removeEventListener('controllerchange', offerAssets);
    };
  }, []);
  return null;
}
