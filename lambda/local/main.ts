// `npm start`. Metrics and traces are for CloudWatch and X-Ray; locally they would only clutter the terminal.
// Powertools reads these when its modules load, so they are set before anything else is imported.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
await import('./local-host');

export {};
