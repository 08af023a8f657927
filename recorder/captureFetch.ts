// Wraps window.fetch ('reprise.network') without changing what the page sees: same arguments, same `this`,
// same promise outcome. The recorder's own ingest requests are skipped.
import type { NetworkRecord } from '../protocol/customEvents.js';
import { guard } from './guard.js';
import { isRecordableContentType, redactBody, redactHeaders, textOfRequestBody } from './redactNetwork.js';

/** Larger responses are not read at all: truncating them would still cost the page a full copy. */
const MAX_BODY_READ_BYTES = 1_000_000;

export interface NetworkSink {
  emitNetwork(record: NetworkRecord): void;
  isOwnRequest(url: string): boolean;
  bodies: boolean;
  bodyMaxBytes: number;
}

export function absoluteUrl(url: string | URL): string {
  return new URL(String(url), location.href).href;
}

export function captureFetch(sink: NetworkSink): () => void {
  const original = window.fetch;
  if (typeof original !== 'function') return () => {};

  const describeRequest = guard('record fetch request', (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const url = absoluteUrl(request ? request.url : (input as string | URL));
    if (sink.isOwnRequest(url)) return undefined;
    const headers = new Headers(init?.headers || request?.headers);
    const record: NetworkRecord = {
      initiator: 'fetch',
      method: (init?.method || request?.method || 'GET').toUpperCase(),
      url,
      status: 0,
      startedAt: Date.now(),
      durationMs: 0,
      requestHeaders: redactHeaders(headers),
    };
    const body = sink.bodies ? textOfRequestBody(init?.body) : undefined;
    if (body !== undefined) record.requestBody = redactBody(body, headers.get('content-type'), sink.bodyMaxBytes);
    return record;
  });

  const onResponse = guard('record fetch response', (record: NetworkRecord, response: Response) => {
    record.status = response.status;
    record.durationMs = Date.now() - record.startedAt;
    record.responseHeaders = redactHeaders(response.headers);
    const contentType = response.headers.get('content-type');
    const tooLarge = Number(response.headers.get('content-length')) > MAX_BODY_READ_BYTES;
    if (!sink.bodies || tooLarge || !isRecordableContentType(contentType)) return sink.emitNetwork(record);
    // A clone tees the stream, so the page reads its body untouched.
    response
      .clone()
      .text()
      .then(
        (text) => (record.responseBody = redactBody(text, contentType, sink.bodyMaxBytes)),
        () => undefined,
      )
      .then(guard('record fetch body', () => sink.emitNetwork(record)));
  });

  const onFailure = guard('record fetch failure', (record: NetworkRecord, error: unknown) => {
    record.durationMs = Date.now() - record.startedAt;
    record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    sink.emitNetwork(record);
  });

  const wrapped = function (this: unknown, input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const record = describeRequest(input, init);
    // eslint-disable-next-line prefer-rest-params
    const promise = original.apply(this, arguments as unknown as [RequestInfo | URL, RequestInit?]);
    if (record) promise.then((response) => onResponse(record, response), (error) => onFailure(record, error));
    return promise;
  };
  window.fetch = wrapped as typeof fetch;
  return () => {
    if (window.fetch === wrapped) window.fetch = original;
  };
}
