// `npm run validator`: the validator's cases against `npm start` serving an empty test.wopitest, with discovery
// and every request signed, printed per group; exits 1 when a case fails.
import { emptyWopitest, signedRun } from './npm-start-runs';
import { formatReport } from './validator-runner';

const sample = emptyWopitest();
try {
  const results = await signedRun(sample.path);
  console.log(formatReport('WOPI validator cases, npm start with discovery, every request signed:', results));
  process.exitCode = results.some((result) => result.outcome === 'failed') ? 1 : 0;
} finally {
  sample.remove();
}
