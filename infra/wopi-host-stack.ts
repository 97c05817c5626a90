// The WOPI host on AWS: an HTTP API with one Lambda function per row of the route table, the file/lock
// table, the contents bucket, the token signing key and the daily orphan sweep. Nothing here names a route:
// rows come from routes.ts.
import { type App, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { browserUploadsCors } from '../lambda/browser-uploads';
import { parseFrameAncestors } from '../lambda/config';
import { RECOVERY_PREFIX } from '../lambda/domain/content-keys';
import { parseJsonObject } from '../lambda/json-object';
import { type Route, routeKey, routes } from '../lambda/routes';
import { PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../lambda/table-schema';
import { FUNCTIONS_DIR } from './bundle-options';
import { OrphanSweep } from './constructs/orphan-sweep';
import { RouteFunction } from './constructs/route-function';

export const STACK_NAME = 'WopiHost';
/** WOPI's lock lifetime (spec: 30 minutes); the functions read it as WOPI_LOCK_TTL_SECONDS. */
const LOCK_TTL_SECONDS = 30 * 60;
/**
 * How long a refused save's recovery copy is kept; the functions read it as WOPI_RECOVERY_DAYS, and the bucket
 * expires recovery/ objects a day later, so the one number decides both.
 */
const RECOVERY_DAYS = 30;
/** Earlier contents kept per file after each save (WOPI_VERSIONS_KEPT). */
const VERSIONS_KEPT = 10;
/**
 * The stage's steady rate (requests per second) and burst when the context sets none. An editing session makes a
 * request every few seconds at most (lock refreshes, autosaves) and opening a document about five at once, so 100/s
 * with room for 200 at once serves hundreds of people editing, while one runaway client stays far below the 10,000/s
 * that every API of the account shares in the region, and keeps about 3-30 functions running (30-300 ms each).
 */
const DEFAULT_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

export interface WopiHostProps extends StackProps {
  /** Defaults to the table in routes.ts; tests pass their own rows. */
  readonly routes?: readonly Route[];
  /** The WOPI client's discovery URL, e.g. https://collabora.example.com/hosting/discovery. */
  readonly discoveryUrl?: string;
  /** Who may frame the host page: 'self', 'none' or space-separated origins, e.g. 'self' https://portal.example.com. */
  readonly frameAncestors?: string;
  /** Extra CheckFileInfo properties as a JSON object, e.g. {"HidePrintOption":true} or {"PostMessageOrigin":"https://app.example.com"} (the host page's origin). */
  readonly checkFileInfoExtra?: string;
  /** Serve the API at https://<domainName>/ with an ACM certificate in the stack's region. */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** DynamoDB deletion protection on the table (default true). */
  readonly deletionProtection?: boolean;
  /** Keep the table and bucket when the stack is deleted (default true). */
  readonly retainData?: boolean;
  /** The API stage's steady request rate per second (default DEFAULT_THROTTLE). */
  readonly throttleRate?: number;
  /** The API stage's burst: requests it takes at once before throttling to the rate (default DEFAULT_THROTTLE). */
  readonly throttleBurst?: number;
  /** Concurrent executions reserved for each route's function (default none: the account's shared pool). */
  readonly reservedConcurrency?: number;
  /** Bytes each owner may store (WOPI_QUOTA_BYTES); unset: no quota, and nothing is counted. */
  readonly quotaBytes?: number;
  /** Sign-in with OpenID Connect besides API keys: the issuer and the client id (WOPI_OIDC_ISSUER, WOPI_OIDC_AUDIENCE). */
  readonly oidc?: { readonly issuer: string; readonly audience: string };
}

export class WopiHostStack extends Stack {
  readonly api: apigw.HttpApi;
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;
  readonly tokenSecret: secretsmanager.Secret;
  readonly functions: ReadonlyMap<string, RouteFunction>;
  readonly orphanSweep: OrphanSweep;

  constructor(scope: Construct, id: string, props: WopiHostProps = {}) {
    super(scope, id, props);
    const dataRemovalPolicy = (props.retainData ?? true) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new dynamodb.Table(this, 'Files', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      // For records meant to vanish (recovery copies, short-lived links); locks check their own expiry.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: dataRemovalPolicy,
    });

    this.bucket = new s3.Bucket(this, 'Contents', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Unversioned on purpose: every save writes a new key and the table points at it, so an object is never
      // overwritten; the host deletes contents that drop out of the version history (and the orphan sweep the
      // ones a failed delete left), so S3 versioning would only keep a second, unreferenced history.
      versioned: false,
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        // A backstop for the orphan sweep: a copy's keepUntil is its save plus RECOVERY_DAYS, and S3 rounds
        // expiry up to the next midnight UTC, so one more day never removes a copy the host still lists.
        { id: 'expire-recovery-copies', prefix: RECOVERY_PREFIX, expiration: Duration.days(RECOVERY_DAYS + 1) },
      ],
      removalPolicy: dataRemovalPolicy,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only the functions can reach the bucket (public access blocked, no bucket policy grants), and they log every ' +
        'WOPI operation with its file id and correlation id; enable CloudTrail S3 data events for a record of ' +
        'direct console or CLI access instead of server access logs.',
    });

    this.tokenSecret = new secretsmanager.Secret(this, 'TokenSigningKey', {
      description: 'HS256 key signing WOPI access tokens',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.tokenSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the signing key invalidates every open session access token; rotate by hand in a quiet hour ' +
        '(see README) instead of on a schedule.',
    });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'WOPI host',
      createDefaultStage: false,
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Past these, API Gateway answers 429 itself: no function runs, nothing is billed beyond the request.
      throttle: {
        rateLimit: props.throttleRate ?? DEFAULT_THROTTLE.rateLimit,
        burstLimit: props.throttleBurst ?? DEFAULT_THROTTLE.burstLimit,
      },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs), format: accessLogFormat() },
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'WOPI clients authenticate with the access_token query parameter, which each function verifies ' +
        '(HS256, file id, expiry) before doing anything; API Gateway has no authorizer that understands it.',
    });

    // The origin WOPI clients call, without /wopi: lambda/ appends /wopi/files/<id> itself (WOPI_PUBLIC_URL).
    const publicUrl = props.customDomain && `https://${props.customDomain.domainName}`;
    if (props.customDomain) {
      const domainName = new apigw.DomainName(this, 'Domain', {
        domainName: props.customDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new apigw.ApiMapping(this, 'DomainMapping', { api: this.api, domainName, stage });
      new CfnOutput(this, 'CustomDomainTarget', {
        description: `Point ${props.customDomain.domainName} here with a CNAME (or a Route 53 alias record)`,
        value: domainName.regionalDomainName,
      });
    }

    const environment: Record<string, string> = {
      POWERTOOLS_SERVICE_NAME: 'wopi-host',
      WOPI_TABLE_NAME: this.table.tableName,
      WOPI_BUCKET_NAME: this.bucket.bucketName,
      WOPI_TOKEN_SECRET_ID: this.tokenSecret.secretArn,
      WOPI_LOCK_TTL_SECONDS: String(LOCK_TTL_SECONDS),
      WOPI_RECOVERY_DAYS: String(RECOVERY_DAYS),
      WOPI_VERSIONS_KEPT: String(VERSIONS_KEPT),
      ...(props.discoveryUrl && { WOPI_DISCOVERY_URL: props.discoveryUrl }),
      ...(props.frameAncestors && { WOPI_FRAME_ANCESTORS: frameAncestors(props.frameAncestors) }),
      ...(props.checkFileInfoExtra && { WOPI_CHECK_FILE_INFO_EXTRA: jsonObject(props.checkFileInfoExtra) }),
      // Without a custom domain the URL is the API's own, which a function cannot be told without a cycle
      // (API -> integration -> function); the functions then read it from the request.
      ...(publicUrl && { WOPI_PUBLIC_URL: publicUrl }),
      ...(props.quotaBytes !== undefined && { WOPI_QUOTA_BYTES: String(props.quotaBytes) }),
      ...(props.oidc && { WOPI_OIDC_ISSUER: props.oidc.issuer, WOPI_OIDC_AUDIENCE: props.oidc.audience }),
    };
    // The web page (GET /) PUTs uploads to presigned URLs and follows download redirects from the browser: the
    // bucket lets its origin, and only it, do so. The API's own endpoint names no stage: the page is at its root.
    const cors = browserUploadsCors([publicUrl ?? this.api.apiEndpoint]);
    this.bucket.addCorsRule({
      allowedOrigins: [...cors.allowedOrigins],
      allowedMethods: cors.allowedMethods.map((method) => s3.HttpMethods[method]),
      allowedHeaders: [...cors.allowedHeaders],
      exposedHeaders: [...cors.exposedHeaders],
      maxAge: cors.maxAgeSeconds,
    });
    const countsQuota = props.quotaBytes !== undefined;

    const functions = new Map<string, RouteFunction>();
    const table = props.routes ?? routes;
    for (const route of table) {
      const id = functionId(route, table);
      if (this.node.tryFindChild(id)) throw new Error(`routes.ts: two routes would both be called ${id}`);
      const routeFunction = new RouteFunction(this, id, {
        route,
        functionsDir: FUNCTIONS_DIR,
        table: this.table,
        bucket: this.bucket,
        tokenSecret: this.tokenSecret,
        environment,
        reservedConcurrency: props.reservedConcurrency,
        countsQuota,
      });
      // A stable logical id, so `sam local invoke FilesOverrideFunction` works against the synthesized template.
      (routeFunction.function.node.defaultChild as lambda.CfnFunction).overrideLogicalId(`${id}Function`);
      this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${id}Integration`, routeFunction.function, {
          payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
        }),
      });
      functions.set(routeKey(route), routeFunction);
    }
    this.functions = functions;

    this.orphanSweep = new OrphanSweep(this, 'SweepOrphans', {
      functionsDir: FUNCTIONS_DIR,
      table: this.table,
      bucket: this.bucket,
      tokenSecret: this.tokenSecret,
      environment,
      countsQuota,
    });
    // `sam local invoke SweepOrphansFunction -e events/sweep-orphans.json`, as for the routes.
    (this.orphanSweep.function.node.defaultChild as lambda.CfnFunction).overrideLogicalId('SweepOrphansFunction');

    new CfnOutput(this, 'WopiBaseUrl', {
      description: 'Give this to the WOPI client as the WOPISrc base: <WopiBaseUrl>/files/<file id>',
      value: publicUrl ? `${publicUrl}/wopi` : `${stage.url}wopi`,
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
  }
}

/** The app `cdk synth` runs: the stack from context values, checked by cdk-nag's AwsSolutions rules. */
export function defineWopiHostApp(app: App): WopiHostStack {
  const stack = new WopiHostStack(app, STACK_NAME, propsFromContext(app));
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}

/** `npx cdk deploy -c domainName=wopi.example.com -c certificateArn=arn:...`; see README "Deploy". */
export function propsFromContext(scope: Construct): WopiHostProps {
  const text = (key: string): string | undefined => {
    const value: unknown = scope.node.tryGetContext(key);
    return value === undefined || value === '' ? undefined : String(value);
  };
  const flag = (key: string): boolean | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    if (value !== 'true' && value !== 'false') throw new Error(`Context ${key} must be true or false, got "${value}"`);
    return value === 'true';
  };
  const positive = (key: string, integer: boolean, unit: string): number | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const valid = (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(value.trim()) && Number(value) > 0;
    if (!valid) {
      throw new Error(`Context ${key} must be a positive ${integer ? 'whole ' : ''}number of ${unit}, got "${value}"`);
    }
    return Number(value);
  };
  const domainName = text('domainName');
  const certificateArn = text('certificateArn');
  const oidcIssuer = text('oidcIssuer');
  const oidcAudience = text('oidcAudience');
  if ((oidcIssuer === undefined) !== (oidcAudience === undefined)) {
    throw new Error('Context oidcIssuer and oidcAudience (the client id) must be given together');
  }
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context domainName and certificateArn must be given together');
  }
  return {
    description: 'Serverless WOPI host',
    discoveryUrl: text('discoveryUrl'),
    frameAncestors: text('frameAncestors'),
    checkFileInfoExtra: text('checkFileInfoExtra'),
    customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
    deletionProtection: flag('deletionProtection'),
    retainData: flag('retainData'),
    throttleRate: positive('throttleRate', false, 'requests per second'),
    throttleBurst: positive('throttleBurst', true, 'requests'),
    reservedConcurrency: positive('reservedConcurrency', true, 'concurrent executions per function'),
    quotaBytes: positive('quotaBytes', true, 'bytes per owner'),
    oidc: oidcIssuer && oidcAudience ? { issuer: oidcIssuer, audience: oidcAudience } : undefined,
  };
}

/** JSON lines with the request's identity and outcome; no query string, which holds the access token. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      time: '$context.requestTimeEpoch',
      ip: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      path: '$context.path',
      status: '$context.status',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationLatencyMs: '$context.integrationLatency',
      integrationError: '$context.integrationErrorMessage',
    }),
  );
}

/** Fails the synth, not every cold start, when the list is not one lambda/config.ts accepts. */
function frameAncestors(text: string): string {
  const sources = parseFrameAncestors(text);
  if (sources === undefined) {
    throw new Error(`Context frameAncestors must be 'self', 'none' or space-separated origins, got ${text}`);
  }
  return sources.join(' ');
}

/** Fails the synth, not the first CheckFileInfo, when the JSON is not an object (lambda/config.ts's rule). */
function jsonObject(text: string): string {
  const value = parseJsonObject(text);
  if (value === undefined) throw new Error(`Context checkFileInfoExtra must be a JSON object, got ${text}`);
  return JSON.stringify(value);
}

/**
 * The construct id (and, with "Function", the logical id) of a row's function: its entry's name, plus the row's
 * last fixed path segment when several rows share the entry, e.g. SuperofficeUnlockUndoCheckout.
 */
function functionId(route: Route, table: readonly Route[]): string {
  const shared = table.filter((other) => other.entry === route.entry).length > 1;
  if (!shared) return pascalCase(route.entry);
  const lastFixedSegment = route.path.split('/').findLast((segment) => segment !== '' && !segment.startsWith('{'));
  return pascalCase(`${route.entry}-${lastFixedSegment ?? route.method.toLowerCase()}`);
}

function pascalCase(kebab: string): string {
  return kebab
    .replace(/(^|[-/.])([a-zA-Z0-9])/g, (_, _sep: string, char: string) => char.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, ''); // CloudFormation logical ids are alphanumeric
}
