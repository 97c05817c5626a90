// One Lambda function for one row of the route table: its own role, log group and exactly the grants its row names.
import * as path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { Route } from '../../lambda/routes';
import { acknowledgeBundledFunctionFindings, bundledFunctionProps, ownLogGroupAndRole } from './bundled-function';
import { acknowledgeObjectPrefixes, type GrantTargets, grantStatements, withQuotaCount } from './grants';

export interface RouteFunctionProps extends GrantTargets {
  readonly route: Route;
  /** Absolute path of lambda/functions/, where `<route.entry>.ts` lives. */
  readonly functionsDir: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Concurrent executions set aside for this function (and its ceiling); unset: the account's shared pool. */
  readonly reservedConcurrency?: number | undefined;
  /** The storage quota is on (WOPI_QUOTA_BYTES): functions that store contents also count them. */
  readonly countsQuota?: boolean;
}

export class RouteFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { route } = props;

    const { logGroup, role } = ownLogGroupAndRole(this, `${route.method} ${route.path} (${route.entry})`);
    this.role = role;
    const grants = props.countsQuota ? withQuotaCount(route.grants) : route.grants;
    for (const statement of grantStatements(grants, props)) this.role.addToPrincipalPolicy(statement);

    this.function = new NodejsFunction(this, 'Function', {
      ...bundledFunctionProps({
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
      reservedConcurrentExecutions: props.reservedConcurrency,
    });

    acknowledgeBundledFunctionFindings(this);
    acknowledgeObjectPrefixes(this, grants, props.bucket);
  }
}
