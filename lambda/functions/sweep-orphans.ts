// Scheduled (not an API route): deletes stored objects no record or live recovery copy points at.
import { sweepOrphans } from '../domain/sweep-orphans';
import { logger } from '../observability';
import { fileStore, recoveryStore } from '../wiring/dynamo';
import { clock } from '../wiring/runtime';
import { contentStore } from '../wiring/s3';

// An hour: far longer than any save can take between its upload and its commit (API Gateway stops at 30 s).
const GRACE_MS = 60 * 60 * 1000;

export const handler = async (): Promise<{ examined: number; deleted: number }> => {
  const deps = { files: fileStore(), contents: contentStore(), recovery: recoveryStore() };
  const report = await sweepOrphans({ ...deps, now: clock().now(), graceMs: GRACE_MS });
  logger.info('orphan sweep', { examined: report.examined, deleted: report.deleted.length, keys: report.deleted });
  return { examined: report.examined, deleted: report.deleted.length };
};
