// Counts the requests an SDK client really sends, by command name, with a middleware on the real client.
import type { HandlerExecutionContext, InitializeHandler, InitializeHandlerArguments } from '@smithy/types';

/** Any SDK v3 client: they differ in generics but all carry a middleware stack. */
export interface WithMiddleware {
  middlewareStack: { add(middleware: unknown, options: { step: 'initialize'; name: string }): void };
}

export class RequestCounter {
  readonly counts = new Map<string, number>();

  attach(client: WithMiddleware, prefix: string): void {
    client.middlewareStack.add(
      (next: InitializeHandler<object, object>, context: HandlerExecutionContext) =>
        async (args: InitializeHandlerArguments<object>) => {
          const name = `${prefix}.${String(context.commandName).replace(/Command$/, '')}`;
          this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
          return next(args);
        },
      { step: 'initialize', name: `count-${prefix}` },
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
