import { FIELD_REPORT_MAX_BODY } from '../field-reports/limits';
import { PLAN_LIMITS } from '../one-map/plan-limits';

/** The largest JSON body any route accepts; a real one is a few KiB. */
export const JSON_BODY_LIMIT = 64 * 1024;
// Room for the multipart envelope around an upload's file (boundaries, part headers, small fields).
export const MULTIPART_ENVELOPE = 64 * 1024;

// The routes allowed more than the JSON limit: uploads, and the two documents a person writes at
// length (a response plan with its roles, an enterprise's checklist, a statutory report's version). Every other route gets 64 KiB.
const LARGER_BODIES: { path: RegExp; maxBytes: number }[] = [
  { path: /^\/api\/enterprises\/[^/]+\/site-plan$/, maxBytes: PLAN_LIMITS.maxBytes + MULTIPART_ENVELOPE },
  { path: /^\/api\/incidents\/[^/]+\/field-reports$/, maxBytes: FIELD_REPORT_MAX_BODY },
  { path: /^\/api\/admin\/plans(\/[^/]+)?$/, maxBytes: 256 * 1024 },
  { path: /^\/api\/enterprises\/[^/]+\/checklist$/, maxBytes: 256 * 1024 },
  // A statutory report's version: the timeline's actions and the monitoring table can run long.
  { path: /^\/api\/incidents\/[^/]+\/statutory-reports\/[^/]+\/versions$/, maxBytes: 256 * 1024 },
];

/** The most bytes a request to `pathname` may carry (for an upload, envelope included). */
export function bodyLimitFor(pathname: string): number {
  return LARGER_BODIES.find((route) => route.path.test(pathname))?.maxBytes ?? JSON_BODY_LIMIT;
}

/** The declared length, or null when the body is chunked or absent. A malformed value counts as too large. */
export function declaredLength(header: string | undefined): number | null {
  if (header === undefined) return null;
  return /^\d+$/.test(header) ? Number(header) : Number.POSITIVE_INFINITY;
}
