// Logs and metrics (Powertools for AWS Lambda), one instance each per container; locally and in tests metrics
// are off (POWERTOOLS_METRICS_DISABLED). Traces come from Lambda's active X-Ray tracing alone: the Powertools
// Tracer's SDK subsegments cost each bundle about 125 KB (the X-Ray SDK) and a hook on every call, for timings the
// request logs and metrics already give (README, "Tracing").
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const serviceName = 'wopi-host';

export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ serviceName, namespace: 'WopiHost' });

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
