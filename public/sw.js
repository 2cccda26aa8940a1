/*
 * EcoDispatch service worker (plain JS, no build step; registered from /field in production).
 * Keeps the field phone readable without network: the page shell, the scripts, and the one-map
 * data its open cards need. The cards themselves live in the page's localStorage.
 * Also shows Web Push notifications. Bump VERSION when this file's caching rules change.
 */
const VERSION = 'v1';
const PREFIX = 'ecodispatch-';
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const STATIC_CACHE = `${PREFIX}static-${VERSION}`;
const DATA_CACHE = `${PREFIX}data-${VERSION}`;
const CURRENT_CACHES = [SHELL_CACHE, STATIC_CACHE, DATA_CACHE];

const SHELL_URL = '/field';
const SHELL_ASSETS = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
// On a bad (not dead) network, show the cached page rather than a blank screen for ever.
const NAVIGATION_TIMEOUT_MS = 6000;
// Chunk names change with every build; old ones are never asked for again.
const MAX_STATIC_ENTRIES = 400;

// Only what the role cards' one-map needs. Every other API response may be someone else's business.
const DATA_ROUTES = [/^\/api\/enterprises\/[^/]+\/map$/, /^\/api\/enterprises\/[^/]+\/plan-images\/[^/]+$/, /^\/api\/me\/assignments$/];

const isCacheable = (response) => response.ok && response.type === 'basic' && !response.redirected;
const isFieldPath = (pathname) => pathname === SHELL_URL || pathname.startsWith(`${SHELL_URL}/`);
const isStaticPath = (pathname) => pathname.startsWith('/_next/static/') || pathname.startsWith('/icons/');

self.addEventListener('install', (event) => {
  // A failed precache must not block the worker: it fills the caches as the page is used.
  event.waitUntil(
    precacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && !CURRENT_CACHES.includes(name)).map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

async function precacheShell() {
  const shell = await caches.open(SHELL_CACHE);
  await Promise.all(SHELL_ASSETS.map((url) => cachePut(shell, url)));
  const response = await fetch(SHELL_URL, { credentials: 'same-origin' });
  // Not signed in (a redirect to /login): nothing to keep yet.
  if (!isCacheable(response)) return;
  const html = await response.clone().text();
  await shell.put(SHELL_URL, response);
  await cacheStatic(html.match(/\/_next\/static\/[^"'\s)\\]+/g) ?? []);
}

async function cachePut(cache, url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (isCacheable(response)) await cache.put(url, response);
  } catch {
    // Offline during install: the next visit fills it.
  }
}

async function cacheStatic(urls) {
  const cache = await caches.open(STATIC_CACHE);
  const wanted = [...new Set(urls)].filter((url) => {
    const parsed = new URL(url, self.location.origin);
    return parsed.origin === self.location.origin && isStaticPath(parsed.pathname);
  });
  for (const url of wanted) {
    if (!(await cache.match(url))) await cachePut(cache, url);
  }
  await trim(cache, MAX_STATIC_ENTRIES);
}

// One-map data read before this worker controlled the page (the first visit): read it again into the cache.
async function cacheData(urls) {
  const cache = await caches.open(DATA_CACHE);
  for (const url of new Set(urls)) {
    const parsed = new URL(url, self.location.origin);
    if (parsed.origin !== self.location.origin || !DATA_ROUTES.some((route) => route.test(parsed.pathname))) continue;
    if (!(await cache.match(parsed.href))) await cachePut(cache, parsed.href);
  }
}

async function trim(cache, maxEntries) {
  const keys = await cache.keys();
  // Oldest first: keys come back in insertion order.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - maxEntries)).map((key) => cache.delete(key)));
}

// The page lists what it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === 'string').slice(0, 500);
  event.waitUntil(Promise.all([cacheStatic(urls), cacheData(urls)]).catch(() => undefined));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    if (isFieldPath(url.pathname)) event.respondWith(fieldNavigation(event));
    return;
  }
  if (isStaticPath(url.pathname)) event.respondWith(cacheFirst(request));
  else if (url.pathname === '/manifest.webmanifest') event.respondWith(networkFirst(request, SHELL_CACHE));
  else if (DATA_ROUTES.some((route) => route.test(url.pathname))) event.respondWith(networkFirst(request, DATA_CACHE));
});

/** Network first, so the page shows the database's truth; the cached copy when the network fails or stalls. */
async function fieldNavigation(event) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(SHELL_URL);
  const network = fetch(event.request).then(async (response) => {
    if (isCacheable(response)) await cache.put(SHELL_URL, response.clone());
    // A proxy's "bad gateway" while the server restarts helps nobody: the last good page does.
    return response.status >= 500 && cached ? cached : response;
  });
  if (!cached) return network;
  event.waitUntil(network.catch(() => undefined));
  const timeout = new Promise((resolve) => setTimeout(() => resolve(cached), NAVIGATION_TIMEOUT_MS));
  return Promise.race([network, timeout]).catch(() => cached);
}

async function cacheFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isCacheable(response)) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  let response;
  try {
    response = await fetch(request);
  } catch {
    const cached = await cache.match(request);
    return cached ?? Response.error();
  }
  if (response.status >= 500) return (await cache.match(request)) ?? response;
  if (isCacheable(response)) await cache.put(request, response.clone());
  // Access was withdrawn (the alarm was lifted) or the map is gone: do not keep showing it offline.
  else if (response.status === 401 || response.status === 403 || response.status === 404) await cache.delete(request);
  return response;
}

// Web Push: {title, body, url, tag}. A new assignment must be noticed, so it stays until touched.
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = typeof data.title === 'string' && data.title ? data.title : '环保应急 EcoDispatch';
  const tag = typeof data.tag === 'string' && data.tag ? data.tag : undefined;
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      tag,
      renotify: Boolean(tag),
      requireInteraction: true,
      vibrate: [500, 200, 500, 200, 800],
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      data: { url: sameOriginUrl(data.url) },
    }),
  );
});

/** Only our own pages: a push must not be able to send the phone to another site. */
function sameOriginUrl(url) {
  try {
    const parsed = new URL(typeof url === 'string' ? url : SHELL_URL, self.location.origin);
    return parsed.origin === self.location.origin ? parsed.href : new URL(SHELL_URL, self.location.origin).href;
  } catch {
    return new URL(SHELL_URL, self.location.origin).href;
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(focusOrOpen(target));
});

async function focusOrOpen(target) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const targetPath = new URL(target).pathname;
  const same = windows.find((client) => new URL(client.url).pathname === targetPath);
  if (same) return same.focus();
  const other = windows.find((client) => 'navigate' in client);
  if (other) {
    await other.focus();
    return other.navigate(target);
  }
  return self.clients.openWindow(target);
}
