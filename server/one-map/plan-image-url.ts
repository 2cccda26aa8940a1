/** Plan images are served through an access-checked route, never as public static files. */
export const planImageUrl = (enterpriseId: string, fileName: string) => `/api/enterprises/${enterpriseId}/plan-images/${fileName}`;

/** Generated names only: a uuid and our own extension. Anything else is refused before touching the disk. */
export const PLAN_FILE_NAME = /^[0-9a-f-]{36}\.png$/;
