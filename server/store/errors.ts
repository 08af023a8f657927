// Errors the stores raise for callers to act on; the HTTP layer maps `code` to a status.
import fs from 'node:fs';

export type StoreErrorCode =
  | 'INVALID_BLOB_KEY'
  | 'INVALID_CURSOR'
  | 'NOT_FOUND'
  | 'FORMAT_TOO_NEW'
  | 'FORMAT_INVALID'
  | 'DELETE_FILTER_REQUIRED'
  | 'DATA_DIR_NOT_WRITABLE';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checked before SQLite opens the folder: otherwise a read-only disk surfaces later as "attempt to write a
 * readonly database" without naming the folder, and a supervisor restarts the server in a loop.
 */
export function assertWritableDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StoreError(
      'DATA_DIR_NOT_WRITABLE',
      `Cannot open the embedded store: expected a writable data folder at ${dataDir}, but it is not writable (${reason}). ` +
        'Remount it read-write, fix its permissions, or point --data / REPRISE_DATA_DIR at a writable folder.',
    );
  }
}
