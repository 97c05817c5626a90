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

/**
 * The value of `object`'s property `name`, its case ignored, as the vendors' servers bind JSON (SuperOffice's Agent
 * clients send camelCase, its docs PascalCase); a property spelled exactly so wins over one spelled otherwise.
 */
export function propertyOf(object: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((candidate) => candidate.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}
