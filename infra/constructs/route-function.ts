// One Lambda function for one row of the route table: its own role, log group and exactly the grants its row names.
import * as path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Access, Route } from '../../lambda/routes';
import {
  acknowledgeBundledFunctionFindings,
  bucketObjectsFinding,
  bundledFunctionProps,
  ownLogGroupAndRole,
} from './bundled-function';

/** Actions per level; 'write' includes 'read' because every write first reads the record it changes. */
export const TABLE_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  none: [],
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
  ],
};

export const BUCKET_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  none: [],
  read: ['s3:GetObject'],
  write: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

export interface RouteFunctionProps {
  readonly route: Route;
  /** Absolute path of lambda/functions/, where `<route.entry>.ts` lives. */
  readonly functionsDir: string;
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly tokenSecret: ISecret;
  readonly environment: Readonly<Record<string, string>>;
}

export class RouteFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { route } = props;

    const { logGroup, role } = ownLogGroupAndRole(this, `${route.method} ${route.path} (${route.entry})`);
    this.role = role;
    for (const statement of accessStatements(route, props)) this.role.addToPrincipalPolicy(statement);

    this.function = new NodejsFunction(
      this,
      'Function',
      bundledFunctionProps({
        entry: path.join(props.functionsDir, `${route.entry}.ts`),
        role,
        logGroup,
        environment: props.environment,
        // CPU scales with memory: 1024 MB gives about 0.6 vCPU, which roughly halves cold-start init and the
        // base64 work on multi-MB file bodies compared with 512 MB, for cents per million calls (README costs).
        memorySize: 1024,
        // Just under the HTTP API's 30 s integration limit, so the function, not API Gateway, reports a timeout.
        timeout: Duration.seconds(29),
      }),
    );

    acknowledgeBundledFunctionFindings(this);
    if (route.bucket !== 'none') {
      Validations.of(this).acknowledge({
        id: bucketObjectsFinding(this, props.bucket),
        reason:
          "Object keys are generated per file and per save, so object actions are granted on this one bucket's " +
          'objects; the actions themselves are the minimum the route table allows (no List, no bucket-level actions).',
      });
    }
  }
}

/** The statements a route's Access levels allow, scoped to this table, this bucket's objects and this secret. */
export function accessStatements(
  route: Route,
  { table, bucket, tokenSecret }: Pick<RouteFunctionProps, 'table' | 'bucket' | 'tokenSecret'>,
): iam.PolicyStatement[] {
  const statements = [
    // Every WOPI call carries an access token, so every function verifies one.
    new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [tokenSecret.secretArn] }),
  ];
  const tableActions = TABLE_ACTIONS[route.table];
  if (tableActions.length > 0) {
    statements.push(new iam.PolicyStatement({ actions: [...tableActions], resources: [table.tableArn] }));
  }
  const bucketActions = BUCKET_ACTIONS[route.bucket];
  if (bucketActions.length > 0) {
    statements.push(new iam.PolicyStatement({ actions: [...bucketActions], resources: [bucket.arnForObjects('*')] }));
  }
  return statements;
}
