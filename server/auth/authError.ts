// Authentication and authorization failures; `status` is the HTTP status the error handler replies with.
export type AuthErrorCode =
  | 'UNAUTHENTICATED'
  | 'INVALID_TOKEN'
  | 'INGEST_KEY_NOT_ALLOWED'
  | 'INVALID_CREDENTIALS'
  | 'CSRF_TOKEN_INVALID'
  | 'PROJECT_REQUIRED'
  | 'PROJECT_NOT_FOUND'
  | 'PROJECT_FORBIDDEN';

const STATUS: Record<AuthErrorCode, number> = {
  UNAUTHENTICATED: 401,
  INVALID_TOKEN: 401,
  INGEST_KEY_NOT_ALLOWED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  PROJECT_REQUIRED: 400,
  PROJECT_NOT_FOUND: 404,
  PROJECT_FORBIDDEN: 403,
};

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: number;
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
