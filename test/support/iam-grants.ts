// What a function's requests need from IAM, recorded on the real SDK clients, and how that compares with its Grants
// (lambda/routes.ts). Each request becomes the authorizations IAM checks for it: an action and the key it names (a
// DynamoDB partition key, an S3 object key, a listing prefix). The middleware sits at the build step, which a
// presigned URL passes too: S3 authorizes a presigned GET as a GetObject of the role that signed it.
import type { BuildHandler, BuildHandlerArguments, HandlerExecutionContext } from '@smithy/types';
import type { Grants } from '../../lambda/routes';
import { PARTITION_KEY } from '../../lambda/table-schema';

export interface Authorization {
  /** The IAM action, e.g. dynamodb:GetItem, s3:ListBucket, secretsmanager:GetSecretValue. */
  readonly action: string;
  /** The partition key, object key or listing prefix it names; '' for the signing key. */
  readonly key: string;
}

/** Any SDK v3 client, seen at the one middleware step used here. */
export interface WithBuildStep {
  middlewareStack: { add(middleware: unknown, options: { step: 'build'; name: string }): void };
}

const SIGNING_KEY_READ: Authorization = { action: 'secretsmanager:GetSecretValue', key: '' };

export class IamRecorder {
  readonly seen: Authorization[] = [];

  attach(client: WithBuildStep, service: 'dynamodb' | 's3'): void {
    client.middlewareStack.add(
      (next: BuildHandler<object, object>, context: HandlerExecutionContext) =>
        async (args: BuildHandlerArguments<object>) => {
          const command = String(context.commandName).replace(/Command$/, '');
          this.seen.push(...authorizationsOf(service, command, args.input as Input));
          return next(args);
        },
      { step: 'build', name: `iam-recorder-${service}` },
    );
  }

  /** A function asked for the token signing key (what GetSecretValue would fetch on AWS). */
  signingKeyRead(): void {
    this.seen.push(SIGNING_KEY_READ);
  }

  /** The authorizations recorded since the last call, which starts a new recording. */
  take(): Authorization[] {
    return this.seen.splice(0);
  }
}

interface Input {
  readonly Key?: unknown;
  readonly RequestItems?: Record<string, { readonly Keys?: readonly unknown[] }>;
  readonly Item?: unknown;
  readonly KeyConditionExpression?: string;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
  readonly CopySource?: string;
  readonly Bucket?: string;
  readonly Prefix?: string;
}

/** The partition key of a marshalled key or item ({ pk: { S: "file#..." }, ... }). */
function partitionOf(key: unknown): string {
  return String((key as Record<string, { S?: string }> | undefined)?.[PARTITION_KEY]?.S ?? '');
}

const partitionPlaceholder = new RegExp(`\\b${PARTITION_KEY}\\s*=\\s*(:\\w+)`);

/** What IAM checks for one request. A command not mapped here names itself, so no grant can ever allow it. */
function authorizationsOf(service: 'dynamodb' | 's3', command: string, input: Input): Authorization[] {
  const dynamodb = (key: string) => [{ action: `dynamodb:${command}`, key }];
  const s3 = (action: string, key = '') => ({ action: `s3:${action}`, key });
  switch (`${service}.${command}`) {
    case 'dynamodb.GetItem':
    case 'dynamodb.UpdateItem':
    case 'dynamodb.DeleteItem':
      return dynamodb(partitionOf(input.Key));
    case 'dynamodb.PutItem':
      return dynamodb(partitionOf(input.Item));
    // BatchGetItem is authorized key by key, each against dynamodb:LeadingKeys.
    case 'dynamodb.BatchGetItem':
      return Object.values(input.RequestItems ?? {}).flatMap((table) =>
        (table.Keys ?? []).flatMap((key) => dynamodb(partitionOf(key))),
      );
    case 'dynamodb.Query': {
      const placeholder = partitionPlaceholder.exec(input.KeyConditionExpression ?? '')?.[1] ?? '';
      return dynamodb(partitionOf({ [PARTITION_KEY]: input.ExpressionAttributeValues?.[placeholder] }));
    }
    case 's3.GetObject':
    case 's3.PutObject':
    case 's3.DeleteObject':
      return [s3(command, String(input.Key))];
    // CopyObject is no IAM action of its own: it reads the source and writes the target.
    case 's3.CopyObject': {
      const source = decodeURIComponent(String(input.CopySource).replace(`${input.Bucket}/`, ''));
      return [s3('GetObject', source), s3('PutObject', String(input.Key))];
    }
    case 's3.ListObjectsV2':
      return [s3('ListBucket', input.Prefix ?? '')];
    default:
      return [{ action: `${service}:${command} (no IAM mapping in test/support/iam-grants.ts)`, key: '' }];
  }
}

/**
 * Each (action, prefix) pair the grants allow, as "dynamodb:GetItem file#", "s3:PutObject recovery/" or
 * "secretsmanager:GetSecretValue".
 */
export function declaredGrants(grants: Grants): string[] {
  const pairs = (service: string, byAction: Readonly<Record<string, readonly string[] | undefined>>) =>
    Object.entries(byAction).flatMap(([action, prefixes]) =>
      (prefixes ?? []).map((prefix) => `${service}:${action} ${prefix}`),
    );
  return [
    ...(grants.tokenSecret ? [SIGNING_KEY_READ.action] : []),
    ...pairs('dynamodb', grants.table ?? {}),
    ...pairs('s3', grants.bucket ?? {}),
  ].sort();
}

/** The declared pair that allows the authorization, or undefined when none does. */
export function allowingGrant(grants: Grants, authorization: Authorization): string | undefined {
  return declaredGrants(grants).find((pair) => {
    const [action, prefix] = pair.split(' ');
    const keyAllowed = prefix === undefined ? authorization.key === '' : authorization.key.startsWith(prefix);
    return action === authorization.action && keyAllowed;
  });
}

/** How an authorization reads in a failure message. */
export function describeAuthorization({ action, key }: Authorization): string {
  return key === '' ? action : `${action} ${key}`;
}
