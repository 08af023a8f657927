// gzip through the browser's native CompressionStream: zero bundle cost. The server detects gzip by magic bytes.
// Compression runs in a worker when one can start, so a 450 KB full snapshot does not cost the host page ~15 ms of
// main thread (bench/recorder). Pages whose CSP forbids blob: workers fall back to compressing inline.

type Gzipped = Uint8Array<ArrayBuffer> | string;

const WORKER_SOURCE = `onmessage = async (event) => {
  const { id, text } = event.data;
  try {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    postMessage({ id, error: String(error) });
  }
};`;

interface Pending {
  text: string;
  resolve(value: Gzipped | PromiseLike<Gzipped>): void;
}

let worker: Worker | undefined;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, Pending>();

export async function gzipInline(text: string): Promise<Gzipped> {
  if (typeof CompressionStream === 'undefined') return text;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The worker could not start or broke: everything it still holds is compressed inline instead. */
function abandonWorker(): void {
  workerFailed = true;
  worker?.terminate();
  worker = undefined;
  for (const [id, job] of pending) {
    pending.delete(id);
    job.resolve(gzipInline(job.text).catch(() => job.text));
  }
}

function startWorker(): Worker | undefined {
  if (worker || workerFailed) return worker;
  try {
    const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.onerror = abandonWorker;
    worker.onmessage = (event: MessageEvent<{ id: number; bytes?: Uint8Array<ArrayBuffer>; error?: string }>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if (event.data.bytes) job.resolve(event.data.bytes);
      else job.resolve(gzipInline(job.text).catch(() => job.text));
    };
  } catch {
    workerFailed = true; // CSP without blob: in worker-src, or no Worker at all
    worker = undefined;
  }
  return worker;
}

export function gzipText(text: string): Promise<Gzipped> {
  if (typeof CompressionStream === 'undefined') return Promise.resolve(text);
  const target = typeof Worker === 'function' ? startWorker() : undefined;
  if (!target) return gzipInline(text);
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, { text, resolve });
    target.postMessage({ id, text });
  });
}
