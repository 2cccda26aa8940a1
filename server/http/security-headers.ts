import { randomBytes } from 'node:crypto';

export type SecurityHeaderOptions = {
  /** Development: React's dev build evaluates code for its stack traces. */
  isDev: boolean;
  /** COOKIE_SECURE=1: the app is served over HTTPS, so browsers are told to keep to it (HSTS). */
  isHttps: boolean;
  /** MAP_TILE_URL, whose host map images may come from. */
  tileUrl: string;
};

/** A fresh nonce per response: Next puts it on its inline scripts, the CSP allows only those. */
export const newNonce = () => randomBytes(16).toString('base64');

/** `https://{s}.tiles.example/{z}/{x}/{y}.png` → `https://*.tiles.example`. */
export function tileSource(tileUrl: string): string | null {
  const match = /^(https?:\/\/[^/?#]+)/i.exec(tileUrl.trim());
  return match ? match[1]!.replace(/\{[^}]*\}/g, '*') : null;
}

/**
 * The policy every page works under. Scripts: our own files and inline scripts carrying this
 * response's nonce. Styles may be inline: React renders `style` attributes and Leaflet positions
 * its panes with them; style injection cannot run code. Images: ours, `blob:` (photo previews
 * before upload), `data:` (Leaflet's and the checklist's small inline images) and the tile host.
 * Nothing may frame us (the hold-to-trigger button must not be clickjacked).
 */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const tiles = tileSource(options.tileUrl);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${options.isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** What every response carries whatever it holds; Socket.IO's long-polling answers get these too. */
export const BASELINE_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
} as const;

/** The headers on every response of the app, pages and API alike. */
export function securityHeaders(nonce: string, options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce, options),
    ...BASELINE_HEADERS,
    // The field page needs the position and the camera; nothing else needs any device.
    'permissions-policy': 'geolocation=(self), camera=(self), microphone=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    // One year, this host only: a bureau's other services on sibling subdomains are not ours to pin.
    ...(options.isHttps ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}
