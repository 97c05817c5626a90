// Scheduled (not an API route): purges the trash past its keeping time and deletes stored objects no record or
// live recovery copy points at.
import { sweepOrphans } from '../domain/sweep-orphans';
import { logger } from '../observability';
import { fileStore, quota, recoveryStore, trashIndex } from '../wiring/dynamo';
import { clock, config } from '../wiring/runtime';
import { contentStore } from '../wiring/s3';

// An hour: far longer than any save can take between its upload and its commit (API Gateway stops at 30 s).
const GRACE_MS = 60 * 60 * 1000;

export const handler = async (): Promise<{ examined: number; deleted: number }> => {
  const deps = {
    files: fileStore(),
    contents: contentStore(),
    recovery: recoveryStore(),
    trash: trashIndex(),
    quota: quota(),
  };
  const { trashKeepMs } = config();
  const report = await sweepOrphans({ ...deps, now: clock().now(), graceMs: GRACE_MS, trashKeepMs });
  logger.info('orphan sweep', { examined: report.examined, deleted: report.deleted.length, keys: report.deleted });
  return { examined: report.examined, deleted: report.deleted.length };
};
