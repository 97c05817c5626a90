// What every function of the stack shares, whether an API route or the scheduled orphan sweep: the runtime and
// bundle, its own log group, a role that starts with nothing but writing to that group, and the cdk-nag findings
// these settings bring. The caller adds its grants, timeout and memory size.
import { type CfnElement, type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BUNDLE_OPTIONS } from '../bundle-options';

export interface BundledFunctionOptions {
  /** Absolute path of the entry module, which exports `handler`. */
  readonly entry: string;
  readonly role: iam.IRole;
  readonly logGroup: logs.ILogGroup;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeout: Duration;
  readonly memorySize: number;
}

/** The props of a NodejsFunction built and run the way every function of the stack is. */
export function bundledFunctionProps(options: BundledFunctionOptions): NodejsFunctionProps {
  return {
    entry: options.entry,
    handler: 'handler',
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    memorySize: options.memorySize,
    timeout: options.timeout,
    role: options.role,
    logGroup: options.logGroup,
    tracing: lambda.Tracing.ACTIVE,
    environment: { NODE_OPTIONS: '--enable-source-maps', ...options.environment },
    // infra/bundle-options.ts, in NodejsFunction's words.
    bundling: {
      format: OutputFormat.ESM,
      target: BUNDLE_OPTIONS.target,
      minify: BUNDLE_OPTIONS.minify,
      sourceMap: BUNDLE_OPTIONS.sourcemap,
      sourcesContent: BUNDLE_OPTIONS.sourcesContent,
      mainFields: [...BUNDLE_OPTIONS.mainFields],
      banner: BUNDLE_OPTIONS.banner.js,
      externalModules: [...BUNDLE_OPTIONS.external],
      esbuildArgs: Object.fromEntries(
        Object.entries(BUNDLE_OPTIONS.alias).map(([module, replacement]) => [`--alias:${module}`, replacement]),
      ),
      forceDockerBundling: false,
    },
  };
}

/** A log group for one function and a role that may write to it and, so far, do nothing else. */
export function ownLogGroupAndRole(scope: Construct, description: string): { logGroup: logs.LogGroup; role: iam.Role } {
  // Created here, not by Lambda on first write, so retention is set and the role can be scoped to this group.
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  // Our own role instead of AWSLambdaBasicExecutionRole, whose log grant covers every log group in the account.
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description,
  });
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
  );
  return { logGroup, role };
}

/** Acknowledges the cdk-nag findings that bundledFunctionProps' runtime and tracing bring, on `scope`. */
export function acknowledgeBundledFunctionFindings(scope: Construct): void {
  Validations.of(scope).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'nodejs22.x is the runtime the bundles target (esbuild target node22) and is supported until 2027; ' +
      'moving to a newer runtime is a deliberate one-line change in bundled-function.ts, after the tests run on it.',
  });
  Validations.of(scope).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'Active X-Ray tracing needs xray:PutTraceSegments/PutTelemetryRecords, which have no resource-level scope.',
  });
}

/** cdk-nag's id for a wildcard over the bucket's objects under `prefix` ('' for all of them). */
export function bucketObjectsFinding(scope: Construct, bucket: IBucket, prefix = ''): string {
  const bucketId = Stack.of(scope).getLogicalId(bucket.node.defaultChild as CfnElement);
  return `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`;
}
