import { existsSync } from 'node:fs';

/** Debian's Chromium when present (no downloads here), otherwise undefined: Playwright's own browser. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}
