/**
 * A path Next cannot decode (`/api/incidents/%`, `%ff%fe`) made it throw and answer 500 before any
 * authentication. The custom server answers such a path 400 itself, before Next sees it.
 */
export function hasMalformedPath(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
