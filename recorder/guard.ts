// The recorder is a guest in the host page: nothing it does may throw into the page's own code.

export interface ErrorSink {
  onError?: (error: unknown, operation: string) => void;
  count: number;
}

export const errorSink: ErrorSink = { count: 0 };

export function reportError(error: unknown, operation: string): void {
  errorSink.count++;
  if (__DEBUG__) debugLog('error in', operation, error);
  try {
    errorSink.onError?.(error, operation);
  } catch {
    // A throwing onError must not escape either.
  }
}

/** Wraps a callback so that it returns undefined instead of throwing. */
export function guard<A extends unknown[], R>(operation: string, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      reportError(error, operation);
      return undefined;
    }
  };
}

export function debugLog(...args: unknown[]): void {
  if (__DEBUG__) console.debug('[reprise:debug]', ...args);
}
