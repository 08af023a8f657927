// The one error handler: JSON {error: {code, message}}, never a stack trace to the client.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AuthError } from '../auth/index.js';
import { StoreError, type StoreErrorCode } from '../store/index.js';
import { HttpError, type ErrorBody } from './httpError.js';
import { classifyStorageError } from './storageErrors.js';

const STORE_STATUS: Record<StoreErrorCode, number> = {
  INVALID_BLOB_KEY: 400,
  INVALID_CURSOR: 400,
  NOT_FOUND: 404,
  FORMAT_TOO_NEW: 422,
  FORMAT_INVALID: 422,
  DELETE_FILTER_REQUIRED: 400,
  DATA_DIR_NOT_WRITABLE: 503,
};

export const apiNotFound: RequestHandler = (req) => {
  throw new HttpError(404, 'ROUTE_NOT_FOUND', `No API route ${req.method} ${req.originalUrl.split('?')[0]}. See docs/api.md for the routes.`);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const { status, code, message, headers } = classify(error);
    const requestId = res.locals.requestId as string | undefined;
    const log = (res.locals.log as Logger | undefined) ?? logger;
    if (status >= 500) log.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body: ErrorBody = { error: { code, message, requestId } };
    res.status(status).set(headers).json(body);
  };
}

function classify(error: unknown): { status: number; code: string; message: string; headers: Record<string, string> } {
  if (error instanceof HttpError) return { status: error.status, code: error.code, message: error.message, headers: error.headers };
  if (error instanceof AuthError) return { status: error.status, code: error.code, message: error.message, headers: {} };
  if (error instanceof StoreError) return { status: STORE_STATUS[error.code], code: error.code, message: error.message, headers: {} };
  const parserError = error as { type?: string; status?: number; limit?: number; code?: unknown };
  if (parserError?.type === 'entity.parse.failed') {
    return { status: 400, code: 'MALFORMED_JSON', message: `The request body is not valid JSON: ${(error as Error).message}. Send a JSON document.`, headers: {} };
  }
  if (parserError?.type === 'entity.too.large') {
    return { status: 413, code: 'BODY_TOO_LARGE', message: `The request body is larger than the ${parserError.limit} bytes this route accepts.`, headers: {} };
  }
  const storage = classifyStorageError(error);
  if (storage) return { ...storage, headers: {} };
  // Domain errors elsewhere (RunError…) follow the same {status, code, message} convention.
  if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    const code = typeof parserError.code === 'string' ? parserError.code : 'BAD_REQUEST';
    return { status: parserError.status, code, message: (error as Error).message, headers: {} };
  }
  return { status: 500, code: 'INTERNAL', message: 'Internal server error; the server log has the details (search for the requestId).', headers: {} };
}
