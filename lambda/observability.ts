// Logs, metrics and traces (Powertools for AWS Lambda), one instance each per container.
// Locally and in tests metrics and tracing are off (POWERTOOLS_METRICS_DISABLED, POWERTOOLS_TRACE_ENABLED).
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

const serviceName = 'wopi-host';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'WopiHost' });
export const tracer = new Tracer({ serviceName });

/** "2xx", "409", "4xx", "5xx": 409 is counted apart because it is the lock-conflict signal. */
export function outcomeOf(status: number): string {
  if (status === 409) return '409';
  return `${Math.floor(status / 100)}xx`;
}

/** One Requests count per invocation, by operation and by outcome; logMetrics publishes it at the end. */
export function countRequest(operation: string, status: number): void {
  metrics.addDimensions({ operation, outcome: outcomeOf(status) });
  metrics.addMetric('Requests', MetricUnit.Count, 1);
}
