import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// One Prometheus registry per process, on globalThis: Next's bundled route handlers (login
// failures) and the custom server (dispatches, scrape-time gauges) must count into the same one.
type AppMetrics = {
  registry: Registry;
  dispatchSeconds: Histogram<'stage'>;
  loginFailures: Counter;
};

const globals = globalThis as unknown as { ecodispatchMetrics?: AppMetrics };

export function appMetrics(): AppMetrics {
  if (globals.ecodispatchMetrics) return globals.ecodispatchMetrics;
  const registry = new Registry();
  // Process metrics, the event-loop delay (ecodispatch_nodejs_eventloop_lag_*) among them.
  collectDefaultMetrics({ register: registry, prefix: 'ecodispatch_' });
  globals.ecodispatchMetrics = {
    registry,
    dispatchSeconds: new Histogram({
      name: 'ecodispatch_dispatch_seconds',
      help: '一键启动 from the start of the trigger to: the commit (stage=commit), the first card handed to Socket.IO (first_card), the last (last_card)',
      labelNames: ['stage'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: 'ecodispatch_login_failures_total',
      help: 'Failed sign-ins (wrong name or password)',
      registers: [registry],
    }),
  };
  return globals.ecodispatchMetrics;
}

export const countLoginFailure = () => appMetrics().loginFailures.inc();
