export class RunError extends Error {
  override name = 'RunError';
  constructor(
    readonly code: 'ORIGIN_NOT_ALLOWED' | 'NO_SESSIONS' | 'RUN_NOT_FOUND' | 'TARGET_UNREACHABLE',
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
