// BatchGetItem over any number of keys: at most 100 keys a request (DynamoDB's limit), and the keys DynamoDB leaves
// unprocessed under load asked for again, so a caller gets every item that exists.
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

const KEYS_PER_REQUEST = 100;

type Key = Record<string, string>;

export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += KEYS_PER_REQUEST) {
    const chunk = keys.slice(start, start + KEYS_PER_REQUEST);
    let request: BatchGetCommandInput['RequestItems'] = { [tableName]: { Keys: chunk, ConsistentRead: true } };
    while (request !== undefined && Object.keys(request).length > 0) {
      const answer: BatchGetCommandOutput = await db.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(answer.Responses?.[tableName] ?? []));
      request = answer.UnprocessedKeys;
    }
  }
  return items;
}
