import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * botframework-connector prints to the console while it validates a token: the JWT library's
 * error with its stack, and for a token signed with a published key id the whole public key
 * ("Available keys: -----BEGIN…"). Neither belongs in a log, and both would sit outside the JSON
 * lines. Work run through `withoutLibraryOutput` has those prints dropped; everywhere else the
 * console behaves as it always does. The bot logs one structured line per failure instead.
 */
const quiet = new AsyncLocalStorage<true>();
let installed = false;

const METHODS = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;

function install(): void {
  if (installed) return;
  installed = true;
  for (const method of METHODS) {
    const original = console[method];
    console[method] = function (this: Console, ...args: unknown[]) {
      if (quiet.getStore()) return;
      original.apply(this, args);
    } as Console[typeof method];
  }
}

/** Runs `work` with console output from the libraries it calls (and their continuations) dropped. */
export function withoutLibraryOutput<T>(work: () => Promise<T>): Promise<T> {
  install();
  return quiet.run(true, work);
}
