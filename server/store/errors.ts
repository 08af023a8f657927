// Errors the stores raise for callers to act on; the HTTP layer maps `code` to a status.
export type StoreErrorCode =
  | 'INVALID_BLOB_KEY'
  | 'INVALID_CURSOR'
  | 'NOT_FOUND'
  | 'FORMAT_TOO_NEW'
  | 'FORMAT_INVALID'
  | 'DELETE_FILTER_REQUIRED';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
