// Blob keys and project ids become file names under the data directory: only a safe alphabet is allowed, so
// no key can escape its folder ("../", absolute paths, NUL).
import { StoreError } from './errors.js';

const SAFE_NAME = /^[A-Za-z0-9._-]{1,200}$/;

export function assertSafeBlobKey(key: string, what = 'blob key'): void {
  if (!SAFE_NAME.test(key) || key === '.' || key === '..') {
    throw new StoreError(
      'INVALID_BLOB_KEY',
      `Invalid ${what} ${JSON.stringify(key.slice(0, 80))}: use 1-200 characters from A-Z a-z 0-9 . _ - (no slashes).`,
    );
  }
}
