// Configuration, request bodies and CDK context all take "a JSON object"; one reading of that rule serves them all.

/** The JSON object `text` holds, or undefined when it is not JSON or not an object (arrays and null included). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
