// The synthesized WopiHost template: one route and one function per row of routes.ts, the daily orphan sweep,
// storage settings, least-privilege grants per function, cdk-nag findings, and sam-local parity with events/*.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_GRANTS } from '../../infra/constructs/orphan-sweep';
import { defineWopiHostApp, WopiHostStack } from '../../infra/wopi-host-stack';
import { type Route, routeKey, routes } from '../../lambda/routes';
import { declaredGrants } from '../support/iam-grants';

/** Every function writes its own log group and sends X-Ray traces, whatever its declaration. */
const EVERY_FUNCTION_ACTIONS = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];
/** The logical id `sam local invoke` is given for the sweep. */
const SWEEP_FUNCTION_ID = 'SweepOrphansFunction';
/** How long recovery copies are kept (WOPI_RECOVERY_DAYS), and the bucket keeps them a day longer. */
const RECOVERY_DAYS = '30';
const RECOVERY_EXPIRATION_DAYS = 31;

const EVENTS_DIR = path.join(import.meta.dirname, '../../events');

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
}
interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}
interface Synthesized {
  readonly stack: WopiHostStack;
  readonly template: Template;
  readonly resources: Record<string, Resource>;
  readonly assemblyDir: string;
}

/**
 * Synthesizes the app exactly as `cdk synth` does, but with bundling skipped (CDK's own `aws:cdk:bundling-stacks`
 * context, which `cdk deploy --exclusively` uses) so the tests take seconds; `npm run synth` bundles for real.
 */
function synthesize(context: Record<string, unknown> = {}): Synthesized {
  const app = new App({
    context: {
      'aws:cdk:bundling-stacks': [],
      // Write cdk-nag's report and let the nag test below fail with its findings, instead of synth throwing.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      ...context,
    },
  });
  const stack = defineWopiHostApp(app);
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  return { stack, template, resources: template.toJSON().Resources, assemblyDir: assembly.directory };
}

/** A function's environment variables. */
function environmentOf(fn: Resource): Record<string, unknown> {
  return (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
}

function ofType(resources: Record<string, Resource>, type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function getAttTarget(value: unknown): string {
  const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (!getAtt) throw new Error(`Expected Fn::GetAtt, got ${JSON.stringify(value)}`);
  return getAtt[0];
}

/** RouteKey -> route -> integration -> function logical id, following the template's own references. */
function functionIdOfRouteKey(resources: Record<string, Resource>, key: string): string | undefined {
  const route = ofType(resources, 'AWS::ApiGatewayV2::Route').find(([, r]) => r.Properties?.RouteKey === key);
  if (!route) return undefined;
  const integrationId = JSON.stringify(route[1].Properties?.Target).match(/"Ref":"([^"]+)"/)?.[1];
  const integration = integrationId === undefined ? undefined : resources[integrationId];
  return integration && getAttTarget(integration.Properties?.IntegrationUri);
}

/** The functions an EventBridge rule with a schedule invokes. */
function scheduledFunctionIds(resources: Record<string, Resource>): string[] {
  return ofType(resources, 'AWS::Events::Rule')
    .filter(([, rule]) => rule.Properties?.ScheduleExpression !== undefined)
    .flatMap(([, rule]) =>
      ((rule.Properties?.Targets ?? []) as { Arn: unknown }[]).map((target) => getAttTarget(target.Arn)),
    );
}

/** Every statement that applies to the function's role: inline policies and attached AWS::IAM::Policy documents. */
function statementsOfFunction(resources: Record<string, Resource>, functionId: string): Statement[] {
  const roleId = getAttTarget(resources[functionId]?.Properties?.Role);
  const role = resources[roleId]?.Properties ?? {};
  const inline = ((role.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
  const attached = ofType(resources, 'AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties?.Roles).includes(`{"Ref":"${roleId}"}`))
    .flatMap(
      ([, policy]) => (policy.Properties?.PolicyDocument as { Statement?: Statement[] } | undefined)?.Statement ?? [],
    );
  return [...inline, ...attached];
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((statement) => statement.Action).sort();
}

/**
 * What a function's statements allow, in the terms of declaredGrants: "action prefix" for a table action (each
 * dynamodb:LeadingKeys prefix; "*" without one) and an S3 action (each object ARN's prefix, or ListBucket's
 * s3:prefix), the action alone for anything else.
 */
function grantedPairs(resources: Record<string, Resource>, functionId: string): string[] {
  return statementsOfFunction(resources, functionId)
    .flatMap((statement) =>
      [statement.Action].flat().flatMap((action) => {
        const prefixes = keyPrefixesOf(statement, action);
        return prefixes === undefined ? [action] : prefixes.map((prefix) => `${action} ${prefix}`);
      }),
    )
    .sort();
}

function keyPrefixesOf(statement: Statement, action: string): string[] | undefined {
  const withoutStar = (pattern: string) => pattern.replace(/\*$/, '');
  if (action.startsWith('dynamodb:')) {
    const leadingKeys = statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? '*';
    return [leadingKeys].flat().map(withoutStar);
  }
  if (action === 's3:ListBucket')
    return [statement.Condition?.StringLike?.['s3:prefix'] ?? '*'].flat().map(withoutStar);
  if (action.startsWith('s3:')) {
    // { "Fn::Join": ["", [{ "Fn::GetAtt": [bucket, "Arn"] }, "/files/*"]] }
    return resourcesOf(statement).map((arn) =>
      withoutStar(String((arn as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1][1] ?? '*').replace(/^\//, '')),
    );
  }
  return undefined;
}

/** The functions whose role may take `action` (e.g. dynamodb:Query), by logical id. */
function functionsGranted(resources: Record<string, Resource>, action: string): string[] {
  return ofType(resources, 'AWS::Lambda::Function')
    .map(([id]) => id)
    .filter((id) => actionsOf(statementsOfFunction(resources, id)).includes(action))
    .sort();
}

/** Every statement of every function that grants a DynamoDB action. */
function tableStatements(resources: Record<string, Resource>): Statement[] {
  return ofType(resources, 'AWS::Lambda::Function')
    .flatMap(([id]) => statementsOfFunction(resources, id))
    .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));
}

function resourcesOf(statement: Statement): unknown[] {
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

interface SampleEvent {
  readonly file: string;
  /** API Gateway events name their route. */
  readonly routeKey?: unknown;
  /** EventBridge events say what they are; a schedule sends "Scheduled Event". */
  readonly detailType?: unknown;
}

function readEvents(): SampleEvent[] {
  if (!existsSync(EVENTS_DIR)) return [];
  return readdirSync(EVENTS_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const event = JSON.parse(readFileSync(path.join(EVENTS_DIR, file), 'utf8'));
      return { file, routeKey: event.routeKey, detailType: event['detail-type'] };
    });
}

function isScheduledEvent(event: SampleEvent): boolean {
  return event.routeKey === undefined && event.detailType === 'Scheduled Event';
}

/** The functions `sam local invoke` can run with the event: its route's, or every scheduled one's. */
function functionIdsOfEvent(resources: Record<string, Resource>, event: SampleEvent): (string | undefined)[] {
  if (isScheduledEvent(event)) return scheduledFunctionIds(resources);
  return [functionIdOfRouteKey(resources, String(event.routeKey))];
}

describe('WopiHost stack', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize();
  });

  describe('routes', () => {
    it.each(routes.map((route) => [routeKey(route), route] as const))('has a route %s on its own function', (key) => {
      // GIVEN the route table
      // WHEN the stack is synthesized
      const functionId = functionIdOfRouteKey(synthesized.resources, key);
      // THEN API Gateway routes the key to a function that no other route uses
      expect(functionId).toBeDefined();
      const others = routes
        .filter((r) => routeKey(r) !== key)
        .map((r) => functionIdOfRouteKey(synthesized.resources, routeKey(r)));
      expect(others).not.toContain(functionId);
    });

    it('has exactly one function per route, plus the orphan sweep, and no other routes', () => {
      // GIVEN the route table WHEN the stack is synthesized
      const routeKeys = ofType(synthesized.resources, 'AWS::ApiGatewayV2::Route').map(
        ([, r]) => r.Properties?.RouteKey,
      );
      // THEN the API has the table's routes and the stack one function for each and one for the sweep
      expect(routeKeys.sort()).toEqual(routes.map(routeKey).sort());
      synthesized.template.resourceCountIs('AWS::Lambda::Function', routes.length + 1);
    });

    it('sends payload format 2.0 Lambda proxy integrations', () => {
      // GIVEN the routes WHEN synthesized THEN every integration is an AWS_PROXY with payload 2.0
      const integrations = ofType(synthesized.resources, 'AWS::ApiGatewayV2::Integration');
      expect(integrations).toHaveLength(routes.length);
      for (const [, integration] of integrations) {
        expect(integration.Properties).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      }
    });

    it('logs API access to a log group without the query string, which carries the access token', () => {
      // GIVEN the API WHEN synthesized THEN its $default stage writes JSON access logs
      synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      });
      const stage = ofType(synthesized.resources, 'AWS::ApiGatewayV2::Stage')[0]?.[1];
      expect(JSON.stringify(stage)).not.toMatch(/querystring|rawQueryString/i);
    });
  });

  describe('functions', () => {
    it('run nodejs22.x on arm64 with active tracing, 1024 MB and the ESM bundle handler', () => {
      // GIVEN the route table and the sweep WHEN synthesized THEN each function has the same runtime settings
      for (const [, fn] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          MemorySize: 1024,
        });
      }
    });

    it('time out at 29 seconds on routes, just under the HTTP API integration limit', () => {
      // GIVEN the route table WHEN synthesized
      const timeouts = routes.map(
        (route) =>
          synthesized.resources[functionIdOfRouteKey(synthesized.resources, routeKey(route)) ?? '']?.Properties,
      );
      // THEN every route's function stops before API Gateway does
      expect(timeouts.map((properties) => properties?.Timeout)).toEqual(routes.map(() => 29));
    });

    it('tell every function WOPI_RECOVERY_DAYS=30 and WOPI_VERSIONS_KEPT=10', () => {
      // GIVEN the stack's recovery and version settings WHEN synthesized THEN every function, the sweep included,
      // reads the same values
      for (const [, fn] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
        expect(environmentOf(fn)).toMatchObject({ WOPI_RECOVERY_DAYS: RECOVERY_DAYS, WOPI_VERSIONS_KEPT: '10' });
      }
    });

    it('read the table, bucket, secret and lock TTL from the variables lambda/config.ts names', () => {
      // GIVEN the functions WHEN synthesized THEN their environment carries config.ts's variables
      for (const [, fn] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
        const variables = environmentOf(fn);
        expect(Object.keys(variables)).toEqual(
          expect.arrayContaining([
            'NODE_OPTIONS',
            'POWERTOOLS_SERVICE_NAME',
            'WOPI_TABLE_NAME',
            'WOPI_BUCKET_NAME',
            'WOPI_TOKEN_SECRET_ID',
            'WOPI_LOCK_TTL_SECONDS',
          ]),
        );
        expect(variables.NODE_OPTIONS).toBe('--enable-source-maps');
        expect(variables).not.toHaveProperty('WOPI_TOKEN_SECRET'); // the key itself never sits in the environment
      }
    });

    it('are not told a public URL without a custom domain, since the API URL would make a cycle', () => {
      // GIVEN no domainName context WHEN synthesized THEN WOPI_PUBLIC_URL is unset and the functions use the request's
      for (const [, fn] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
        expect(environmentOf(fn)).not.toHaveProperty('WOPI_PUBLIC_URL');
      }
    });

    it('log to their own log group with a retention', () => {
      // GIVEN the functions WHEN synthesized THEN each names a distinct log group that has a retention
      const logGroupIds = ofType(synthesized.resources, 'AWS::Lambda::Function').map(
        ([, fn]) =>
          JSON.stringify((fn.Properties?.LoggingConfig as { LogGroup?: unknown } | undefined)?.LogGroup).match(
            /"Ref":"([^"]+)"/,
          )?.[1],
      );
      expect(new Set(logGroupIds).size).toBe(routes.length + 1);
      for (const id of logGroupIds) {
        expect(synthesized.resources[id ?? '']?.Properties?.RetentionInDays).toBe(30);
      }
    });
  });

  describe('throttling and concurrency', () => {
    it('throttles the API stage at 100 requests per second with bursts of 200 when the context sets neither', () => {
      // GIVEN no throttle context WHEN synthesized THEN the $default stage's route settings carry the defaults
      synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      });
    });

    it('reserves no concurrency for any function when the context sets none, so a new account can deploy', () => {
      // GIVEN no reservedConcurrency context WHEN synthesized
      const reserved = ofType(synthesized.resources, 'AWS::Lambda::Function').map(
        ([, fn]) => fn.Properties?.ReservedConcurrentExecutions,
      );
      // THEN every function draws on the account's shared pool
      expect(reserved.filter((value) => value !== undefined)).toEqual([]);
    });
  });

  describe('table', () => {
    it('has the pk/sk key schema, on-demand billing, point-in-time recovery and the expiresAt TTL', () => {
      // GIVEN the file/lock design WHEN synthesized THEN the table matches table-schema.ts
      synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    });

    it('is protected from deletion and retained by default', () => {
      // GIVEN no context WHEN synthesized THEN deletion protection is on and the table outlives the stack
      synthesized.template.hasResource('AWS::DynamoDB::Table', {
        Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
    });
  });

  describe('bucket', () => {
    it('blocks public access, is encrypted and aborts incomplete multipart uploads after a day', () => {
      // GIVEN the contents bucket WHEN synthesized THEN its security and lifecycle settings are set
      synthesized.template.hasResource('AWS::S3::Bucket', {
        Properties: Match.objectLike({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
          LifecycleConfiguration: {
            Rules: Match.arrayWith([
              Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
            ]),
          },
        }),
        DeletionPolicy: 'Retain',
      });
    });

    it("lets the web page's origin, the API's own endpoint, PUT uploads to presigned URLs and GET downloads, and no other", () => {
      // GIVEN no custom domain WHEN synthesized THEN the bucket's one CORS rule names the API endpoint
      const [properties] = ofType(synthesized.resources, 'AWS::S3::Bucket').map(([, bucket]) => bucket.Properties);
      expect(properties?.CorsConfiguration).toEqual({
        CorsRules: [
          {
            AllowedOrigins: [{ 'Fn::GetAtt': [expect.stringMatching(/^Api/), 'ApiEndpoint'] }],
            AllowedMethods: ['GET', 'PUT'],
            AllowedHeaders: ['content-type'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3600,
          },
        ],
      });
    });

    it('expires recovery copies a day after the functions stop listing them', () => {
      // GIVEN recovery copies kept WOPI_RECOVERY_DAYS=30 WHEN synthesized THEN recovery/ objects expire at 31 days
      synthesized.template.hasResourceProperties('AWS::S3::Bucket', {
        LifecycleConfiguration: {
          Rules: Match.arrayWith([
            Match.objectLike({ Prefix: 'recovery/', ExpirationInDays: RECOVERY_EXPIRATION_DAYS, Status: 'Enabled' }),
          ]),
        },
      });
    });

    it('denies requests that do not use TLS', () => {
      // GIVEN the contents bucket WHEN synthesized THEN its policy denies aws:SecureTransport false
      synthesized.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });
  });

  describe('token signing key', () => {
    it('is generated by the stack as 48 characters without punctuation', () => {
      // GIVEN the stack WHEN synthesized THEN Secrets Manager generates the key
      synthesized.template.hasResourceProperties('AWS::SecretsManager::Secret', {
        GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
      });
    });
  });

  describe('least privilege', () => {
    it.each(routes.map((route) => [routeKey(route), route] as const))(
      '%s is granted exactly what its row declares, on the key prefixes it names, and its logs and traces',
      (key, route: Route) => {
        // GIVEN the row's grants
        const functionId = functionIdOfRouteKey(synthesized.resources, key) ?? '';
        // WHEN what its function's role may do is read back from the template
        const granted = grantedPairs(synthesized.resources, functionId);
        // THEN it is the declaration and what every function needs, nothing more or less
        expect(granted).toEqual([...declaredGrants(route.grants), ...EVERY_FUNCTION_ACTIONS].sort());
      },
    );

    it('conditions every table statement on the partition key prefixes (ForAllValues:StringLike dynamodb:LeadingKeys)', () => {
      // GIVEN every function WHEN its table statements are collected
      const conditions = tableStatements(synthesized.resources).map((statement) => statement.Condition ?? {});
      // THEN each names the prefixes every partition key of a request must start with
      for (const condition of conditions) {
        expect(condition['ForAllValues:StringLike']).toEqual({ 'dynamodb:LeadingKeys': expect.any(Array) });
      }
    });

    it('refuses, in every table statement, a request that names no partition key, for which ForAllValues holds', () => {
      // GIVEN every function WHEN its table statements are collected
      const conditions = tableStatements(synthesized.resources).map((statement) => statement.Condition ?? {});
      // THEN each also requires dynamodb:LeadingKeys to be present
      for (const condition of conditions) expect(condition.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
    });

    // Issue 11, item 7, written out here rather than read from routes.ts, so that a row that grows a grant fails.
    it("grants dynamodb:Query only where recovery copies or a listing are read: saves, the sweep, a folder's children, the files API's lists", () => {
      // GIVEN the stack WHEN the functions that may Query are listed
      const querying = functionsGranted(synthesized.resources, 'dynamodb:Query');
      // the ones that list a folder (EnumerateChildren, the folder page, DeleteContainer's and the files API's folder
      // delete "is it empty") and the files API's listings (a folder's children are a Query of its name claims)
      expect(querying).toEqual([
        'ApiDeleteFolderFunction',
        'ApiFolderFunction',
        'ApiListFilesFunction',
        'ApiListTrashFunction',
        'ApiRestoreVersionFunction',
        'ApiVersionsFunction',
        'ContainersOverrideFunction',
        'EnumerateChildrenFunction',
        'FilesOverrideFunction',
        'HostContainerPageFunction',
        'PutFileFunction',
        SWEEP_FUNCTION_ID,
      ]);
    });

    it('grants the signing key only to the functions that verify or sign tokens: the WOPI routes, the FileUrl download, the host page, open and uploads', () => {
      // GIVEN the stack WHEN the functions that may read the signing key are listed
      const signing = functionsGranted(synthesized.resources, 'secretsmanager:GetSecretValue');
      // THEN the check-out APIs (API keys only), the other files API routes and the sweep are not among them
      expect(signing).toEqual([
        'ApiCommitUploadFunction',
        'ApiCreateFileFunction',
        'ApiOpenFunction',
        'CheckContainerInfoFunction',
        'CheckEcosystemFunction',
        'CheckFileInfoFunction',
        'ContainersOverrideFunction',
        'EcosystemOverrideFunction',
        'EnumerateChildrenFunction',
        'EnumerateContainerAncestorsFunction',
        'EnumerateFileAncestorsFunction',
        'FileUrlFunction',
        'FilesOverrideFunction',
        'GetContainerEcosystemFunction',
        'GetFileEcosystemFunction',
        'GetFileFunction',
        'GetRootContainerFunction',
        'HostPageFunction',
        'PutFileFunction',
      ]);
    });

    it("grants dynamodb:DeleteItem on files' items only to the saves (PutFile, the overrides, a restore) and the sweep", () => {
      // GIVEN the stack WHEN the functions that may delete items under file# are listed
      const deleting = ofType(synthesized.resources, 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => grantedPairs(synthesized.resources, id).includes('dynamodb:DeleteItem file#'))
        .sort();
      // THEN the check-outs, which only update the file's record, are not among them (the container overrides
      // are: CreateChildFile's overwrite is a save, with its recovery copies)
      expect(deleting).toEqual([
        'ApiRestoreVersionFunction',
        'ContainersOverrideFunction',
        'FilesOverrideFunction',
        'PutFileFunction',
        SWEEP_FUNCTION_ID,
      ]);
    });

    it('lets the check-out functions delete nothing but number claims (a numbering race loser gives its claim back)', () => {
      // GIVEN the check-out functions WHEN their DeleteItem grants are listed
      const checkOutFunctions = ofType(synthesized.resources, 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => /^(Docspace|Superoffice)/.test(id));
      const deletes = checkOutFunctions.flatMap((id) =>
        grantedPairs(synthesized.resources, id).filter((pair) => pair.startsWith('dynamodb:DeleteItem ')),
      );
      // THEN every one names a number claim's partition
      expect(checkOutFunctions.length).toBeGreaterThan(0);
      expect(deletes.filter((pair) => !/ (docno|assoc)#$/.test(pair))).toEqual([]);
    });

    it('grants no managed policies, so nothing outside the statements above', () => {
      // GIVEN the function roles WHEN synthesized THEN none has a managed policy attached
      for (const [, role] of ofType(synthesized.resources, 'AWS::IAM::Role')) {
        expect(role.Properties?.ManagedPolicyArns ?? []).toEqual([]);
      }
    });

    it('scopes every data action to this table, this bucket and this secret, and uses no action wildcards', () => {
      // GIVEN the stack's own table, bucket and secret
      const [tableId] = ofType(synthesized.resources, 'AWS::DynamoDB::Table').map(([id]) => id);
      const [bucketId] = ofType(synthesized.resources, 'AWS::S3::Bucket').map(([id]) => id);
      const [secretId] = ofType(synthesized.resources, 'AWS::SecretsManager::Secret').map(([id]) => id);
      // WHEN every statement of every function is inspected
      const statements = ofType(synthesized.resources, 'AWS::Lambda::Function').flatMap(([id]) =>
        statementsOfFunction(synthesized.resources, id),
      );
      // THEN no action has a wildcard and data actions name only our resources
      for (const statement of statements) {
        expect(statement.Effect).toBe('Allow');
        for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
        const services = new Set([statement.Action].flat().map((action) => action.split(':')[0]));
        const resources = resourcesOf(statement);
        // The table itself, never an index or a wildcard; LeadingKeys (above) narrows it to items.
        if (services.has('dynamodb')) expect(resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
        if (services.has('s3') && [statement.Action].flat().includes('s3:ListBucket')) {
          // Listing is a bucket-level action, alone in its statement; object actions never get the bucket ARN.
          expect({ actions: [statement.Action].flat(), resources }).toEqual({
            actions: ['s3:ListBucket'],
            resources: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }],
          });
        } else if (services.has('s3')) {
          // This bucket's objects: all of them, or those under one prefix (files/*, recovery/*).
          for (const resource of resources) {
            expect(resource).toEqual({
              'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, expect.stringMatching(/^\/([a-z]+\/)?\*$/)]],
            });
          }
        }
        if (services.has('secretsmanager')) expect(resources).toEqual([{ Ref: secretId }]);
      }
    });
  });

  describe('orphan sweep', () => {
    it('runs lambda/sweep-orphans.ts once a day from an EventBridge schedule', () => {
      // GIVEN the stack WHEN synthesized
      const rules = ofType(synthesized.resources, 'AWS::Events::Rule').map(([, rule]) => rule.Properties);
      // THEN one enabled rule fires daily (03:00 UTC) and targets the sweep function
      expect(rules).toEqual([
        expect.objectContaining({
          ScheduleExpression: 'cron(0 3 * * ? *)',
          State: 'ENABLED',
          Targets: [expect.objectContaining({ Arn: { 'Fn::GetAtt': [SWEEP_FUNCTION_ID, 'Arn'] } })],
        }),
      ]);
    });

    it('lets EventBridge invoke the function for that rule only', () => {
      // GIVEN the schedule rule WHEN synthesized THEN the function's resource policy admits events from it
      const [ruleId] = ofType(synthesized.resources, 'AWS::Events::Rule').map(([id]) => id);
      synthesized.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [SWEEP_FUNCTION_ID, 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
      });
    });

    it("has 15 minutes, Lambda's maximum, to list the whole bucket", () => {
      // GIVEN the sweep WHEN synthesized THEN its timeout is 900 seconds
      expect(synthesized.resources[SWEEP_FUNCTION_ID]?.Properties?.Timeout).toBe(900);
    });

    it('is granted exactly what SWEEP_GRANTS declares, on the key prefixes it names, and its logs and traces', () => {
      // GIVEN the sweep's declaration WHEN what its role may do is read back from the template
      const granted = grantedPairs(synthesized.resources, SWEEP_FUNCTION_ID);
      // THEN it is the declaration and what every function needs, nothing more or less
      expect(granted).toEqual([...declaredGrants(SWEEP_GRANTS), ...EVERY_FUNCTION_ACTIONS].sort());
    });

    it('lists the bucket itself, not its objects, and only under files/ and recovery/', () => {
      // GIVEN the sweep's statements
      const [bucketId] = ofType(synthesized.resources, 'AWS::S3::Bucket').map(([id]) => id);
      // WHEN the ListBucket statement is picked out
      const listing = statementsOfFunction(synthesized.resources, SWEEP_FUNCTION_ID).filter((statement) =>
        [statement.Action].flat().includes('s3:ListBucket'),
      );
      // THEN it names the bucket ARN (no /*) and is limited to the sweep's prefixes
      expect(listing).toEqual([
        expect.objectContaining({
          Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
          Condition: { StringLike: { 's3:prefix': ['files/*', 'recovery/*'] } },
        }),
      ]);
    });

    it('deletes only objects under files/ and recovery/', () => {
      // GIVEN the sweep's statements
      const [bucketId] = ofType(synthesized.resources, 'AWS::S3::Bucket').map(([id]) => id);
      // WHEN the DeleteObject statement is picked out
      const deleting = statementsOfFunction(synthesized.resources, SWEEP_FUNCTION_ID).filter((statement) =>
        [statement.Action].flat().includes('s3:DeleteObject'),
      );
      // THEN it names those two prefixes of this bucket's objects
      const objects = (prefix: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, prefix]] });
      expect(deleting.flatMap(resourcesOf)).toEqual([objects('/files/*'), objects('/recovery/*')]);
    });
  });

  describe('cdk-nag', () => {
    it('reports no unacknowledged AwsSolutions findings', () => {
      // GIVEN the app with AwsSolutionsChecks registered as in infra/app.ts
      // WHEN synthesized, cdk-nag 3 writes its findings to the assembly's validation report (not annotations)
      const report = JSON.parse(readFileSync(path.join(synthesized.assemblyDir, 'validation-report.json'), 'utf8'));
      const findings = (report.pluginReports as { pluginName: string; violations: unknown[] }[])
        .filter((plugin) => plugin.pluginName === 'AwsSolutions')
        .flatMap((plugin) => plugin.violations);
      // THEN there are none left: every rule we do not meet is acknowledged with a reason in infra/
      expect(findings).toEqual([]);
    });
  });

  describe('outputs', () => {
    it('exports the WOPI base URL, table name and bucket name', () => {
      // GIVEN the stack WHEN synthesized THEN the deploy prints what a WOPI client and an operator need
      synthesized.template.hasOutput('WopiBaseUrl', {
        Value: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/wopi$')])] },
      });
      synthesized.template.hasOutput('TableName', { Value: Match.anyValue() });
      synthesized.template.hasOutput('BucketName', { Value: Match.anyValue() });
    });
  });

  describe('sam-local parity with events/', () => {
    it('has an event in events/ for every function', () => {
      // GIVEN the events sam local invoke is run with
      const events = readEvents();
      // WHEN each API event's routeKey is followed to its function, and each scheduled event to the functions
      // a schedule rule targets
      const covered = new Set(events.flatMap((event) => functionIdsOfEvent(synthesized.resources, event)));
      // THEN every function in the template can be invoked with at least one of them
      const uncovered = ofType(synthesized.resources, 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => !covered.has(id));
      expect(uncovered).toEqual([]);
    });

    it('names a route of the template in every API event', () => {
      // GIVEN the events that are not scheduled ones WHEN their routeKeys are looked up THEN each names a route
      const unknown = readEvents()
        .filter((event) => !isScheduledEvent(event))
        .filter((event) => functionIdOfRouteKey(synthesized.resources, String(event.routeKey)) === undefined);
      expect(unknown).toEqual([]);
    });

    it('has a scheduled function to run every scheduled event with', () => {
      // GIVEN the EventBridge "Scheduled Event"s in events/
      const scheduled = readEvents().filter(isScheduledEvent);
      // WHEN each is matched to the functions a schedule rule targets
      const unmatched = scheduled.filter((event) => functionIdsOfEvent(synthesized.resources, event).length === 0);
      // THEN each has at least one
      expect(unmatched).toEqual([]);
    });
  });
});

describe('WopiHost stack with context options', () => {
  let synthesized: Synthesized;
  beforeAll(() => {
    synthesized = synthesize({
      domainName: 'wopi.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      discoveryUrl: 'https://collabora.example.com/hosting/discovery',
      checkFileInfoExtra: '{"PostMessageOrigin": "https://app.example.com"}',
      frameAncestors: "'self' https://app.example.com",
      deletionProtection: 'false',
      throttleRate: '25',
      throttleBurst: '50',
      oidcIssuer: 'https://login.example.com/realms/acme',
      oidcAudience: 'wopi-web',
      reservedConcurrency: '5',
      quotaBytes: '1000000000',
    });
  });

  it('with quotaBytes, passes WOPI_QUOTA_BYTES and lets exactly the functions that store or delete contents count them', () => {
    // GIVEN quotaBytes WHEN the functions granted UpdateItem on usage# are listed
    const counting = ofType(synthesized.resources, 'AWS::Lambda::Function')
      .map(([id]) => id)
      .filter((id) => grantedPairs(synthesized.resources, id).includes('dynamodb:UpdateItem usage#'))
      .sort();
    // THEN they are PutFile, the overrides (PutRelativeFile, restores, CreateChildFile) and the sweep (its
    // recount), all told the quota
    expect(counting).toEqual([
      'ApiCreateFileFunction',
      'ApiRestoreVersionFunction',
      'ContainersOverrideFunction',
      'FilesOverrideFunction',
      'PutFileFunction',
      SWEEP_FUNCTION_ID,
    ]);
    for (const id of counting) {
      expect(environmentOf(synthesized.resources[id] as Resource)).toMatchObject({ WOPI_QUOTA_BYTES: '1000000000' });
    }
  });

  it("lets the custom domain's page, and only it, PUT uploads to the bucket", () => {
    // GIVEN domainName WHEN synthesized THEN the bucket's CORS rule names https://<domainName>
    synthesized.template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://wopi.example.com'] })] },
    });
  });

  it('with oidcIssuer and oidcAudience, tells every function WOPI_OIDC_ISSUER and WOPI_OIDC_AUDIENCE', () => {
    // GIVEN the OpenID context WHEN synthesized THEN each function's environment carries it
    for (const [, resource] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
      expect(environmentOf(resource as Resource)).toMatchObject({
        WOPI_OIDC_ISSUER: 'https://login.example.com/realms/acme',
        WOPI_OIDC_AUDIENCE: 'wopi-web',
      });
    }
  });

  it('throttles the API stage at the throttleRate and throttleBurst the context sets', () => {
    // GIVEN throttleRate=25 and throttleBurst=50 WHEN synthesized THEN the stage's route settings carry them
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 },
    });
  });

  it("reserves the context's reservedConcurrency for each route's function", () => {
    // GIVEN reservedConcurrency=5 WHEN synthesized
    const reserved = routes.map(
      (route) =>
        synthesized.resources[functionIdOfRouteKey(synthesized.resources, routeKey(route)) ?? '']?.Properties
          ?.ReservedConcurrentExecutions,
    );
    // THEN every route's function has 5 executions set aside (and at most 5)
    expect(reserved).toEqual(routes.map(() => 5));
  });

  it('leaves the sweep, one run a day, to the shared pool whatever reservedConcurrency says', () => {
    // GIVEN reservedConcurrency=5 WHEN synthesized THEN the sweep reserves nothing
    expect(synthesized.resources[SWEEP_FUNCTION_ID]?.Properties).not.toHaveProperty('ReservedConcurrentExecutions');
  });

  it('maps the custom domain to the API and publishes its URL', () => {
    // GIVEN domainName and certificateArn context WHEN synthesized THEN a domain and mapping exist
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'wopi.example.com',
      DomainNameConfigurations: [Match.objectLike({ SecurityPolicy: 'TLS_1_2' })],
    });
    synthesized.template.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    synthesized.template.hasOutput('WopiBaseUrl', { Value: 'https://wopi.example.com/wopi' });
    synthesized.template.hasOutput('CustomDomainTarget', { Value: Match.anyValue() });
  });

  it('passes the public URL and the WOPI client settings to every function', () => {
    // GIVEN the context WHEN synthesized THEN each function's environment carries it
    for (const [, fn] of ofType(synthesized.resources, 'AWS::Lambda::Function')) {
      expect(environmentOf(fn)).toMatchObject({
        WOPI_PUBLIC_URL: 'https://wopi.example.com', // lambda/ appends /wopi/files/<id>
        WOPI_DISCOVERY_URL: 'https://collabora.example.com/hosting/discovery',
        WOPI_CHECK_FILE_INFO_EXTRA: '{"PostMessageOrigin":"https://app.example.com"}',
        WOPI_FRAME_ANCESTORS: "'self' https://app.example.com",
      });
    }
  });

  it('fails the synth, not every cold start, on a frameAncestors list the functions would refuse', () => {
    // GIVEN a frameAncestors context with a path WHEN synthesized THEN the synth fails naming it
    expect(() => synthesize({ frameAncestors: 'https://app.example.com/embed' })).toThrow(/^Context frameAncestors /);
  });

  it('turns off deletion protection when the context says so', () => {
    // GIVEN deletionProtection=false WHEN synthesized THEN the table allows deletion
    synthesized.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
  });
});

describe('WopiHost stack with context values the synth refuses', () => {
  it.each([
    ['throttleRate', 'fast'],
    ['throttleRate', '0'],
    ['throttleBurst', '2.5'],
    ['throttleBurst', '-10'],
    ['reservedConcurrency', '0'],
    ['reservedConcurrency', 'ten'],
  ])('fails the synth naming %s when it is "%s"', (key, value) => {
    // GIVEN the context value WHEN synthesized THEN the synth stops with a message that names the key and the value
    expect(() => synthesize({ [key]: value })).toThrow(
      new RegExp(`^Context ${key} must be a positive (whole )?number of .+, got "${value}"$`),
    );
  });
});

describe('WopiHost stack over another route table', () => {
  /** The template of a stack built from these rows only. */
  function templateOf(rows: Route[]): Record<string, Resource> {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    return Template.fromStack(new WopiHostStack(app, 'Rows', { routes: rows })).toJSON().Resources;
  }

  it('makes any row a route and grants a row that declares nothing only its logs and traces', () => {
    // GIVEN a management-style PUT row that touches neither the table, the bucket nor the signing key
    const row: Route = {
      method: 'PUT',
      path: '/manage/files/{file_id}',
      entry: 'get-file',
      grants: { tokenSecret: false },
    };
    // WHEN a stack is built from a table holding only that row
    const resources = templateOf([row]);
    // THEN it gets its route and function, and only the actions every function needs
    const functionId = functionIdOfRouteKey(resources, 'PUT /manage/files/{file_id}') ?? '';
    expect(actionsOf(statementsOfFunction(resources, functionId))).toEqual([...EVERY_FUNCTION_ACTIONS].sort());
  });

  it('gives the table actions that share their key prefixes one statement, conditioned on those prefixes', () => {
    // GIVEN a row that reads files and users and updates and puts only files
    const row: Route = {
      method: 'POST',
      path: '/manage/files/{file_id}',
      entry: 'get-file',
      grants: { tokenSecret: false, table: { GetItem: ['user#', 'file#'], UpdateItem: ['file#'], PutItem: ['file#'] } },
    };
    // WHEN a stack is built from it
    const resources = templateOf([row]);
    // THEN there is one statement per set of prefixes, each naming its LeadingKeys
    const functionId = functionIdOfRouteKey(resources, 'POST /manage/files/{file_id}') ?? '';
    const statements = statementsOfFunction(resources, functionId).filter((statement) =>
      String(statement.Action).startsWith('dynamodb:'),
    );
    expect(
      statements.map((statement) => ({
        actions: statement.Action,
        leadingKeys: statement.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'],
      })),
    ).toEqual([
      { actions: 'dynamodb:GetItem', leadingKeys: ['file#*', 'user#*'] },
      { actions: ['dynamodb:UpdateItem', 'dynamodb:PutItem'], leadingKeys: ['file#*'] },
    ]);
  });

  it('gives two rows that share an entry a function each, named after the entry and the path', () => {
    // GIVEN two rows with one entry module (SuperOffice's Unlock and UndoCheckout shape)
    const grants = { tokenSecret: false, table: { GetItem: ['file#'] } } as const;
    const rows: Route[] = [
      { method: 'POST', path: '/api/v1/Document/{file_id}/Unlock', entry: 'get-file', grants },
      { method: 'POST', path: '/api/v1/Document/{file_id}/UndoCheckout', entry: 'get-file', grants },
    ];
    // WHEN a stack is built from them
    const resources = templateOf(rows);
    // THEN each route has its own function with a readable logical id
    expect(rows.map((row) => functionIdOfRouteKey(resources, routeKey(row)))).toEqual([
      'GetFileUnlockFunction',
      'GetFileUndoCheckoutFunction',
    ]);
  });
});
