// A function's Grants (lambda/routes.ts) as IAM statements on this stack's table, bucket and signing key, and the
// cdk-nag findings that object-key prefixes bring. The one place a declaration becomes a policy, for the route
// functions and the sweep alike.
import { Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import type { Grants, ObjectPrefix } from '../../lambda/routes';
import { bucketObjectsFinding } from './bundled-function';

export interface GrantTargets {
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly tokenSecret: ISecret;
}

/** The statements that allow exactly `grants`: one per set of key prefixes that the same actions share. */
export function grantStatements(grants: Grants, { table, bucket, tokenSecret }: GrantTargets): iam.PolicyStatement[] {
  const statements: iam.PolicyStatement[] = [];
  if (grants.tokenSecret) {
    statements.push(
      new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [tokenSecret.secretArn] }),
    );
  }
  for (const { prefixes, actions } of byPrefixes(grants.table ?? {})) {
    statements.push(
      new iam.PolicyStatement({
        actions: actions.map((action) => `dynamodb:${action}`),
        resources: [table.tableArn],
        conditions: {
          // Every partition key the request names (an item's, or a Query's) starts with one of the prefixes.
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) },
          // ForAllValues also holds for a request that names no partition key (a Scan); this refuses those.
          Null: { 'dynamodb:LeadingKeys': 'false' },
        },
      }),
    );
  }
  const { ListBucket: listed, ...objectActions } = grants.bucket ?? {};
  for (const { prefixes, actions } of byPrefixes(objectActions)) {
    statements.push(
      new iam.PolicyStatement({
        actions: actions.map((action) => `s3:${action}`),
        resources: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
      }),
    );
  }
  if (listed !== undefined) {
    // ListBucket is a bucket-level action; the condition keeps the listing to the prefixes granted.
    statements.push(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': listed.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
  return statements;
}

/** Acknowledges, on `scope`, the wildcard each object-key prefix of `grants` is granted as. */
export function acknowledgeObjectPrefixes(scope: Construct, grants: Grants, bucket: IBucket): void {
  const { ListBucket: _listed, ...objectActions } = grants.bucket ?? {};
  const prefixes = new Set<ObjectPrefix>(Object.values(objectActions).flatMap((granted) => granted ?? []));
  for (const prefix of prefixes) {
    Validations.of(scope).acknowledge({
      id: bucketObjectsFinding(scope, bucket, prefix),
      reason:
        `Object keys are made per file and per save (${prefix}<fileId>/<id>), so no grant can name them: the ` +
        `actions this function's declaration needs are granted on ${prefix} of this one bucket's objects.`,
    });
  }
}

/** The actions that may touch the same prefixes, together, each group's prefixes sorted. */
function byPrefixes<Action extends string, Prefix extends string>(
  grants: Readonly<Partial<Record<Action, readonly Prefix[]>>>,
): { prefixes: Prefix[]; actions: Action[] }[] {
  const groups = new Map<string, { prefixes: Prefix[]; actions: Action[] }>();
  for (const [action, granted] of Object.entries(grants) as [Action, readonly Prefix[]][]) {
    const prefixes = [...granted].sort();
    const key = prefixes.join(' ');
    const group = groups.get(key) ?? { prefixes, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * With the storage quota on, a function that stores or deletes contents also counts them on its owner's usage item
 * (lambda/domain/quota.ts, one UpdateItem with ADD); off, it never touches one, so the grant is only given then.
 */
export function withQuotaCount(grants: Grants): Grants {
  const { PutObject, DeleteObject } = grants.bucket ?? {};
  if (PutObject === undefined && DeleteObject === undefined) return grants;
  const table = grants.table ?? {};
  return { ...grants, table: { ...table, UpdateItem: [...(table.UpdateItem ?? []), 'usage#'] } };
}
