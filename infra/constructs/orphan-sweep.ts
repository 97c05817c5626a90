// The orphan sweep (lambda/sweep-orphans.ts), run once a day by EventBridge: its own role, log group and exactly
// the grants the sweep uses — list the two prefixes, read records and recovery copies, delete unreferenced objects.
import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { FILE_KEY_PREFIXES } from '../../lambda/domain/content-keys';
import {
  acknowledgeBundledFunctionFindings,
  bucketObjectsFinding,
  bundledFunctionProps,
  ownLogGroupAndRole,
} from './bundled-function';

export interface OrphanSweepProps {
  /** Absolute path of lambda/functions/, where sweep-orphans.ts lives. */
  readonly functionsDir: string;
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly environment: Readonly<Record<string, string>>;
}

export class OrphanSweep extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly schedule: events.Rule;

  constructor(scope: Construct, id: string, props: OrphanSweepProps) {
    super(scope, id);
    const { bucket } = props;

    const { logGroup, role } = ownLogGroupAndRole(this, 'Daily orphan sweep (sweep-orphans)');
    this.role = role;
    const statements = [
      // Each listed file's record (GetItem) and its recovery copies (Query) say which objects are still referenced.
      new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [props.table.tableArn] }),
      // ListBucket is a bucket-level action; the condition keeps the listing to the prefixes the sweep owns.
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': FILE_KEY_PREFIXES.map((prefix) => `${prefix}*`) } },
      }),
      new iam.PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: FILE_KEY_PREFIXES.map((prefix) => bucket.arnForObjects(`${prefix}*`)),
      }),
    ];
    for (const statement of statements) role.addToPrincipalPolicy(statement);

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
    for (const prefix of FILE_KEY_PREFIXES) {
      Validations.of(this).acknowledge({
        id: bucketObjectsFinding(this, bucket, prefix),
        reason:
          `The sweep deletes objects whose keys it only learns by listing ${prefix}, so DeleteObject is granted on ` +
          "that prefix of this one bucket's objects; it cannot read or write any object.",
      });
    }
  }
}
