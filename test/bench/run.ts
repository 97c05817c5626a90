// `npm run bench`. Powertools reads these when its modules load, so they are set before anything is imported:
// the bench measures the host, not the writing of logs, metrics or traces.
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_TRACE_ENABLED = 'false';
process.env.AWS_REGION ??= 'us-east-1';
// Lambda runs Node 22; the machine's Node version is in the table, not repeated as a warning.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { runBench } = await import('./suite');
await runBench();
// Stops even if an emulator or socket left a handle open; the figures are written by now.
process.exit(0);

export {};
