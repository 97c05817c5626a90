// One Lambda function for one row of the route table: its own role, log group and exactly the grants its row names.
import * as path from 'node:path';
import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Access, Route } from '../routes';

/** Actions per level; 'write' includes 'read' because every write first reads the record it changes. */
export const TABLE_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  none: [],
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  write: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

export const BUCKET_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  none: [],
  read: ['s3:GetObject'],
  write: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
};

export interface RouteFunctionProps {
  readonly route: Route;
  /** Absolute path of lambda/, where `<route.entry>.ts` lives. */
  readonly lambdaDir: string;
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

    // Created here, not by Lambda on first write, so retention is set and the role can be scoped to this group.
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole, whose log grant covers every log group in the account.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${route.method} ${route.path} (${route.entry})`,
    });
    for (const statement of accessStatements(route, props)) this.role.addToPrincipalPolicy(statement);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(props.lambdaDir, `${route.entry}.ts`),
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      // CPU scales with memory: 1024 MB gives about 0.6 vCPU, which roughly halves cold-start init and the
      // base64 work on multi-MB file bodies compared with 512 MB, for cents per million calls (README costs).
      memorySize: 1024,
      // Just under the HTTP API's 30 s integration limit, so the function, not API Gateway, reports a timeout.
      timeout: Duration.seconds(29),
      role: this.role,
      logGroup,
      tracing: lambda.Tracing.ACTIVE,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        // Maps give file:line in stack traces; the sources themselves would only make the upload bigger.
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // esbuild's ESM output has no `require`; CommonJS dependencies inside the bundle still call it.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
        // Bundle the AWS SDK v3 too: tree-shaken, and pinned to the version the tests ran against.
        externalModules: [],
        forceDockerBundling: false,
      },
    });

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the bundles target (esbuild target node22) and is supported until 2027; ' +
        'moving to a newer runtime is a deliberate one-line change here, after the tests run on it.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active X-Ray tracing needs xray:PutTraceSegments/PutTelemetryRecords, which have no resource-level scope.',
    });
    if (route.bucket !== 'none') {
      const bucketId = Stack.of(this).getLogicalId(props.bucket.node.defaultChild as CfnElement);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
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
