export type TriggerErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_STALE'
  | 'WEBHOOK_SECRET_UNSET'
  | 'PROJECT_NOT_FOUND'
  | 'INVALID_DEPLOYMENT'
  | 'NO_BASELINE'
  | 'INVALID_SCHEDULE';

/** A webhook or schedule that cannot be accepted; `status` is the HTTP status the route answers with. */
export class TriggerError extends Error {
  override readonly name = 'TriggerError';
  constructor(
    readonly code: TriggerErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}
