// Entry of dist/recorder.js: `<script src=".../recorder.js" data-project="KEY" defer>` starts recording and
// exposes window.Reprise.
import { flush, getSessionId, identify, init, setAppVersion, setFlags, stop, track } from './index.js';

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

try {
  readScriptTag(document.currentScript);
} catch {
  // Never break the host page, even with a malformed tag.
}
window.Reprise = { identify, track, setFlags, setAppVersion, flush, stop, getSessionId };
