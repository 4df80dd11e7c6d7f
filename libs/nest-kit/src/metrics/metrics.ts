import { collectDefaultMetrics, Histogram, register } from 'prom-client';

let defaultsOn = false;

/** Process metrics (CPU, memory, event loop lag, GC), labelled with the service; once per process. */
export function enableDefaultMetrics(service: string): void {
  if (defaultsOn) return;
  defaultsOn = true;
  register.setDefaultLabels({ service });
  collectDefaultMetrics();
}

/** Time spent handling each NATS subject (request/reply and events). */
export const natsHandlerSeconds = new Histogram({
  name: 'hydroml_nats_handler_seconds',
  help: 'Time to handle one NATS message, by subject',
  labelNames: ['subject'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/** HTTP requests served by the gateway, by route template and status. */
export const httpRequestSeconds = new Histogram({
  name: 'hydroml_http_request_seconds',
  help: 'Gateway HTTP request duration, by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: register.contentType, body: await register.metrics() };
}
