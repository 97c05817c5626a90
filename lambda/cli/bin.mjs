#!/usr/bin/env node
// The `wopi-host` command: runs the TypeScript CLI through tsx, as `npm start` does (so tsx is a dependency of the
// package, not a devDependency: the command needs it wherever it is installed; no deployed bundle contains it).
import { register } from 'tsx/esm/api';

// Node 20 is this project's local runtime by design (Lambda runs Node 22); the SDK's notice says nothing new.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main, reportFailure } = await import('./wopi-host.ts');
// A library can fail in a callback of its own, where main cannot catch it (dynalite does when another process
// holds the data folder); it is reported like any other failure, not as a crash.
process.on('uncaughtException', (error) => process.exit(reportFailure(error)));
process.exitCode = await main(process.argv.slice(2));
