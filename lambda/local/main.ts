// `npm start`. Metrics and traces are for CloudWatch and X-Ray; locally they would only clutter the terminal.
// Powertools reads these when its modules load, so they are set before anything else is imported.
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
// Node 20 is this project's local runtime by design (Lambda runs Node 22); the SDK's notice says nothing new.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
await import('./local-host');

export {};
