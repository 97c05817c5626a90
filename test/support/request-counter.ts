// Counts the requests an SDK client really sends, by command name, with a middleware on the real client. It sits
// at the innermost step (deserialize), which only a request that goes on the wire reaches: a presigned URL stops
// before it, and each retry passes through it again.
import type { DeserializeHandler, DeserializeHandlerArguments, HandlerExecutionContext } from '@smithy/types';

/** Any SDK v3 client: they differ in generics but all carry a middleware stack (seen here at one step). */
export interface WithMiddleware<Step extends 'initialize' | 'deserialize' = 'deserialize'> {
  middlewareStack: { add(middleware: unknown, options: { step: Step; name: string }): void };
}

export class RequestCounter {
  readonly counts = new Map<string, number>();

  attach(client: WithMiddleware, prefix: string): void {
    client.middlewareStack.add(
      (next: DeserializeHandler<object, object>, context: HandlerExecutionContext) =>
        async (args: DeserializeHandlerArguments<object>) => {
          const name = `${prefix}.${String(context.commandName).replace(/Command$/, '')}`;
          this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
          return next(args);
        },
      { step: 'deserialize', name: `count-${prefix}` },
    );
  }

  reset(): void {
    this.counts.clear();
  }

  total(prefix: string): number {
    let sum = 0;
    for (const [name, count] of this.counts) if (name.startsWith(`${prefix}.`)) sum += count;
    return sum;
  }
}
