// Entry of dist/recorder.js: `<script src=".../recorder.js" data-project="KEY" defer>` starts recording and
// exposes window.Reprise, replaying the calls the inline loader queued before it (protocol/loaderSnippet.ts).
import type { LoaderStub } from '../protocol/recorderInstall.js';
import { reportError } from './guard.js';
import { flush, getSessionId, identify, init, setAppVersion, setFlags, stop, track } from './index.js';
import { takeQueuedCalls } from './pageWitness.js';

declare global {
  interface Window {
    Reprise?: {
      identify: typeof identify;
      track: typeof track;
      setFlags: typeof setFlags;
      setAppVersion: typeof setAppVersion;
      flush: typeof flush;
      stop: typeof stop;
      getSessionId: typeof getSessionId;
    };
  }
}

function readScriptTag(script: HTMLOrSVGScriptElement | null): void {
  if (!script || !(script instanceof HTMLScriptElement)) return;
  const data = script.dataset;
  if (!data.project) {
    console.warn('[reprise] Not recording: the recorder <script> tag has no data-project attribute. Add data-project="<your project key>".');
    return;
  }
  const sampleRate = Number(data.sampleRate);
  init({
    projectKey: data.project,
    endpoint: data.endpoint || new URL(script.src, location.href).origin,
    maskAllInputs: data.maskAllInputs !== undefined && data.maskAllInputs !== 'false',
    sampleRate: data.sampleRate && Number.isFinite(sampleRate) ? sampleRate : 1,
    appVersion: data.appVersion,
    networkBodies: data.networkBodies !== 'false',
  });
}

const api = { identify, track, setFlags, setAppVersion, flush, stop, getSessionId };

/** Calls the app made before the recorder loaded, in their order; a malformed entry is skipped, not thrown. */
function replayQueued(queue: LoaderStub['q']): void {
  for (const entry of queue) {
    try {
      const [method, args] = entry;
      const call = api[method] as ((...values: unknown[]) => void) | undefined;
      if (typeof call === 'function' && Array.isArray(args)) call(...args);
    } catch (error) {
      reportError(error, 'loader queue');
    }
  }
}

const queued = takeQueuedCalls();
try {
  readScriptTag(document.currentScript);
} catch {
  // Never break the host page, even with a malformed tag.
}
window.Reprise = api;
replayQueued(queued);
