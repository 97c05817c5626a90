// The orphan sweep (lambda/functions/sweep-orphans.ts), run once a day by EventBridge: its own role, log group and
// exactly the grants its declaration below names, as for a route.
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { FILE_KEY_PREFIXES } from '../../lambda/domain/content-keys';
import type { Grants } from '../../lambda/routes';
import { acknowledgeBundledFunctionFindings, bundledFunctionProps, ownLogGroupAndRole } from './bundled-function';
import { acknowledgeObjectPrefixes, type GrantTargets, grantStatements, withQuotaCount } from './grants';

/**
 * The sweep lists the prefixes whose keys name a file, reads each listed file's record and recovery copies (Query),
 * deletes the objects none of them points at, and purges a file whose time in the trash is over: its record and
 * recovery copies (file#) and its owner's trash hint (user#). It signs and verifies nothing.
 */
export const SWEEP_GRANTS: Grants = {
  tokenSecret: false,
  table: { GetItem: ['file#'], Query: ['file#'], DeleteItem: ['file#', 'user#'] },
  bucket: { ListBucket: FILE_KEY_PREFIXES, DeleteObject: FILE_KEY_PREFIXES },
};

export interface OrphanSweepProps extends GrantTargets {
  /** Absolute path of lambda/functions/, where sweep-orphans.ts lives. */
  readonly functionsDir: string;
  readonly environment: Readonly<Record<string, string>>;
  /** The storage quota is on: the sweep's recount sets each owner's count. */
  readonly countsQuota?: boolean;
}

export class OrphanSweep extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: OrphanSweepProps) {
    super(scope, id);
    const { logGroup, role } = ownLogGroupAndRole(this, 'Daily orphan sweep (sweep-orphans)');
    this.role = role;
    const grants = props.countsQuota ? withQuotaCount(SWEEP_GRANTS) : SWEEP_GRANTS;
    for (const statement of grantStatements(grants, props)) role.addToPrincipalPolicy(statement);

    this.function = new NodejsFunction(
      this,
      'Function',
      bundledFunctionProps({
        entry: path.join(props.functionsDir, 'sweep-orphans.ts'),
        role,
        logGroup,
        environment: props.environment,
        // As the route functions: the sweep waits on S3 and DynamoDB one call at a time, so more would not help.
        memorySize: 1024,
        // Lambda's maximum: the sweep lists the whole bucket; one cut short keeps what it deleted and the next
        // day's run starts again from the first key.
        timeout: Duration.minutes(15),
      }),
    );

    // Once a day at a quiet hour (UTC); the sweep only returns storage, so a missed day costs nothing but bytes.
    this.schedule = new events.Rule(this, 'Schedule', {
      description: 'Deletes stored objects no file record or live recovery copy points at',
      schedule: events.Schedule.cron({ minute: '0', hour: '3' }),
      targets: [new targets.LambdaFunction(this.function)],
    });

    acknowledgeBundledFunctionFindings(this);
    acknowledgeObjectPrefixes(this, grants, props.bucket);
  }
}
