// `npx tsx bench/recorder/sendPathProbes.ts [name...]` prints PROBE_EDITS for probeLargePage.ts: variants of the
// minified dist/recorder.js that change how the first batch leaves the page (issue #8, session 13). Each edit names
// esbuild's minified identifiers (Pr = encodeBatch, Dt = encodeInline, _r = INGEST_KEY_HEADER, Yo = startWorker) as
// of that day's build; the probe refuses to run when a search string no longer occurs exactly once, so a rebuild
// that renames them fails loudly instead of measuring the unedited bundle.
//   PROBE_EDITS="$(npx tsx bench/recorder/sendPathProbes.ts 'simple cors' 'no fetch')" \
//     npx tsx bench/recorder/probeLargePage.ts --iterations 31
const MAIN_FETCH = 'n=await this.fetchImpl.call(window,';
/** Same arguments evaluated, no request: an upper bound for anything a change to the POST itself could save. */
const FAKE_FETCH = 'n=await ((u,o)=>Promise.resolve(new Response("{}")))(';
const PREFLIGHTED = 'this.options.endpoint}/api/ingest`,{method:"POST",headers:{"content-type":"application/json",[_r]:this.options.projectKey}';
/** A CORS-simple request, as beaconAll already sends: no preflight; server/http reads ?key= and any content type. */
const SIMPLE = 'this.options.endpoint}/api/ingest?key=${encodeURIComponent(this.options.projectKey)}`,{method:"POST",headers:{"content-type":"text/plain"}';
const ENCODE_CALL = 'let r=await Pr(t,1,Date.now())';
const ENCODE_CALL_WITH_URL = 'self.__probeUrl=`${this.options.endpoint}/api/ingest?key=${encodeURIComponent(this.options.projectKey)}`;' + ENCODE_CALL;
const JOB_MESSAGE = 'formatVersion:t,sentAt:r})}):Dt(n)}';
const JOB_MESSAGE_WITH_URL = 'formatVersion:t,sentAt:r,url:self.__probeUrl})}):Dt(n)}';
const WORKER_REPLY = 'postMessage({ id, bytes, checksum }, [bytes.buffer]);';

/** The worker POSTs the gzip bytes itself and replies with the status only: the main thread never sees the body. */
function workerFetch(headers: string): string {
  return `const response = await fetch(event.data.url, { method: 'POST', headers: ${headers}, body: bytes, credentials: 'omit' }); ` +
    `await response.text(); postMessage({ id, bytes: new Uint8Array(1), checksum, status: response.status });`;
}

const WORKER_POSTS: [string, string][] = [[MAIN_FETCH, FAKE_FETCH], [ENCODE_CALL, ENCODE_CALL_WITH_URL], [JOB_MESSAGE, JOB_MESSAGE_WITH_URL]];

export const SEND_PATH_PROBES: Record<string, [string, string][]> = {
  'no fetch': [[MAIN_FETCH, FAKE_FETCH]],
  'simple cors': [[PREFLIGHTED, SIMPLE]],
  'no worker': [['typeof Worker=="function"?Yo()', '!1?Yo()']],
  'worker posts': [...WORKER_POSTS, [WORKER_REPLY, workerFetch("{ 'content-type': 'application/json', 'x-reprise-key': new URL(event.data.url).searchParams.get('key') }")]],
  'worker posts simple': [...WORKER_POSTS, [WORKER_REPLY, workerFetch("{ 'content-type': 'text/plain' }")]],
  // Keeps every event object alive, as bare rrweb's emit does: if dropped snapshot trees cost GC time, this is cheaper.
  'keep events': [['add(t){let r=JSON.stringify(t);', 'add(t){(self.__keep||(self.__keep=[])).push(t);let r=JSON.stringify(t);']],
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2);
  for (const name of names) {
    if (!SEND_PATH_PROBES[name]) throw new Error(`sendPathProbes: no variant "${name}". Known: ${Object.keys(SEND_PATH_PROBES).join(', ')}.`);
  }
  const chosen = names.length ? names : Object.keys(SEND_PATH_PROBES);
  console.log(JSON.stringify(Object.fromEntries(chosen.map((name) => [name, SEND_PATH_PROBES[name]]))));
}
