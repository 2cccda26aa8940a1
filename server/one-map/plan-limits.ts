// The site-plan upload caps. Kept apart from the image processing (which loads sharp) because the
// custom server's body guard needs the byte cap before any route runs.
export const PLAN_LIMITS = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000, maxEdge: 4096 } as const;
