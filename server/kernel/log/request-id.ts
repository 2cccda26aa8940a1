import { randomUUID } from 'node:crypto';

// A caller's (or a proxy's) X-Request-Id is kept when it is a short, plain token, so one id can
// follow a request through nginx and the app; anything else is replaced, so it cannot inject
// text into the logs.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && ACCEPTABLE.test(header) ? header : randomUUID();
}
