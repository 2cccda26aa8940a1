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
    navigator.serviceWorker
      .register('/sw.js', { scope: '/' })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => registration.active?.postMessage({ type: 'cache-urls', urls: loadedAssetUrls() }))
      // Without a worker the page still works online; offline viewing is what is lost.
      .catch(() => undefined);
    navigator.serviceWorker.addEventListener('controllerchange', offerAssets);
    return () => navigator.serviceWorker.removeEventListener('controllerchange', offerAssets);
  }, []);
  return null;
}
