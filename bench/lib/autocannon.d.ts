// The part of autocannon 8's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null;
    };
    type Client = EventEmitter & { setRequests(requests: Request[]): void; setHeaders(headers: Record<string, string>): void };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      method?: string;
      requests?: Request[];
      setupClient?: (client: Client) => void;
      timeout?: number;
    };
    type Result = { errors: number; timeouts: number; requests: { total: number }; latency: Record<string, number> };
    type Instance = EventEmitter & PromiseLike<Result>;
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
