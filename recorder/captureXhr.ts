// Wraps XMLHttpRequest ('reprise.network') by patching its prototype; every call still reaches the original.
import type { NetworkRecord } from '../protocol/customEvents.js';
import { absoluteUrl, type NetworkSink } from './captureFetch.js';
import { guard } from './guard.js';
import { isRecordableContentType, parseHeaderLines, redactBody, redactHeaders, textOfRequestBody } from './redactNetwork.js';

interface XhrState {
  method: string;
  url: string;
  headers: [string, string][];
}

export function captureXhr(sink: NetworkSink): () => void {
  if (typeof XMLHttpRequest === 'undefined') return () => {};
  const proto = XMLHttpRequest.prototype;
  const originals = { open: proto.open, send: proto.send, setRequestHeader: proto.setRequestHeader };
  const states = new WeakMap<XMLHttpRequest, XhrState>();

  const onOpen = guard('record xhr open', (xhr: XMLHttpRequest, method: string, url: string | URL) => {
    const absolute = absoluteUrl(url);
    if (sink.isOwnRequest(absolute)) states.delete(xhr);
    else states.set(xhr, { method: String(method).toUpperCase(), url: absolute, headers: [] });
  });

  const onLoadEnd = guard('record xhr response', (xhr: XMLHttpRequest, record: NetworkRecord) => {
    record.status = xhr.status;
    record.durationMs = Date.now() - record.startedAt;
    if (xhr.status === 0) record.error = 'network error or aborted';
    const responseHeaders = parseHeaderLines(xhr.getAllResponseHeaders());
    record.responseHeaders = redactHeaders(responseHeaders);
    const contentType = xhr.getResponseHeader('content-type');
    const textual = xhr.responseType === '' || xhr.responseType === 'text';
    if (sink.bodies && textual && isRecordableContentType(contentType)) {
      record.responseBody = redactBody(xhr.responseText, contentType, sink.bodyMaxBytes);
    }
    sink.emitNetwork(record);
  });

  const onSend = guard('record xhr send', (xhr: XMLHttpRequest, body: unknown) => {
    const state = states.get(xhr);
    if (!state) return;
    const record: NetworkRecord = {
      initiator: 'xhr',
      method: state.method,
      url: state.url,
      status: 0,
      startedAt: Date.now(),
      durationMs: 0,
      requestHeaders: redactHeaders(state.headers),
    };
    const text = sink.bodies ? textOfRequestBody(body) : undefined;
    const contentType = state.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    if (text !== undefined) record.requestBody = redactBody(text, contentType, sink.bodyMaxBytes);
    xhr.addEventListener('loadend', () => onLoadEnd(xhr, record), { once: true });
  });

  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    onOpen(this, args[0] as string, args[1] as string);
    return (originals.open as (...a: unknown[]) => void).apply(this, args);
  } as typeof proto.open;
  proto.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    states.get(this)?.headers.push([name, value]);
    return originals.setRequestHeader.call(this, name, value);
  };
  proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    onSend(this, body);
    return originals.send.call(this, body);
  };
  return () => Object.assign(proto, originals);
}
