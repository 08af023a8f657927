// Reads a request body whatever its content type (sendBeacon posts text/plain), gunzipping it when it starts
// with the gzip magic bytes, and stops as soon as it passes the limit.
import type { Request } from 'express';
import { gunzip } from 'node:zlib';
import { HttpError } from './httpError.js';

const DRAIN_FACTOR = 4;

export interface RequestBody {
  /** The body as sent, or gunzipped when it was gzip. */
  bytes: Buffer;
  /** The body as sent, when it was gzip: ingest can store it as is instead of compressing again. */
  gzip?: Buffer;
}

export async function readRawBody(req: Request, limitBytes: number): Promise<RequestBody> {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge(limitBytes);
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    received += chunk.length;
    // Keep draining a little past the limit so the client reads the 413 instead of a reset connection.
    if (received > limitBytes * DRAIN_FACTOR) break;
    if (received <= limitBytes) chunks.push(chunk);
  }
  if (received > limitBytes) throw tooLarge(limitBytes);
  const body = Buffer.concat(chunks);
  if (body.length < 2 || body[0] !== 0x1f || body[1] !== 0x8b) return { bytes: body };
  return new Promise((resolve, reject) =>
    gunzip(body, { maxOutputLength: limitBytes }, (error, result) => {
      if (!error) return resolve({ bytes: result, gzip: body });
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) return reject(tooLarge(limitBytes));
      reject(new HttpError(400, 'MALFORMED_GZIP', `The body starts like gzip but does not decompress: ${error.message}. Send valid gzip or plain JSON.`));
    }),
  );
}

function tooLarge(limitBytes: number): HttpError {
  return new HttpError(413, 'BATCH_TOO_LARGE', `The batch is larger than ${limitBytes} bytes after decompression. Send smaller batches (the recorder splits them).`);
}
