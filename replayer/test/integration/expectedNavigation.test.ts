import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionTarget, Trajectory } from '../../../protocol/index.js';
import { launchChromium } from '../../browser.js';
import { replaySession } from '../../replaySession.js';

// The link navigates 300 ms after the click and changes nothing in the DOM before: a quiet window alone observes
// the old page. The recording saw the URL change, so replay must wait for it.
const FIRST = `<!doctype html><title>First</title><a id="next" href="/second">Next</a>
<script>document.getElementById('next').addEventListener('click', (event) => {
  event.preventDefault();
  setTimeout(() => location.assign('/second'), Number(new URLSearchParams(location.search).get('delay') ?? 300));
});</script>`;
const SECOND = `<!doctype html><title>Second</title><button onclick="this.textContent='Done!'">Done</button>`;

const link: ActionTarget = { candidates: [{ by: 'role', role: 'link', name: 'Next' }], tag: 'a', role: 'link', name: 'Next' };
const done: ActionTarget = { candidates: [{ by: 'role', role: 'button', name: 'Done' }], tag: 'button', role: 'button', name: 'Done' };

function trajectory(secondUrl: string, firstPath = '/'): Trajectory {
  return {
    sessionId: 'expected-navigation',
    startPath: firstPath,
    viewport: { width: 800, height: 600 },
    startedAt: Date.now(),
    warnings: [],
    steps: [
      { index: 0, action: { type: 'navigate', url: firstPath }, gapMs: 0, recordedUrl: firstPath },
      { index: 1, action: { type: 'click', target: link }, gapMs: 500, recordedUrl: firstPath },
      { index: 2, action: { type: 'click', target: done }, gapMs: 800, recordedUrl: secondUrl },
    ],
  };
}

describe('replayer | replaySession waits for a navigation the recording saw', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(request.url?.startsWith('/second') ? SECOND : FIRST);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('observes the link click on the page it led to, and the next step acts there', async () => {
    const result = await replaySession({ browser, trajectory: trajectory('/second'), target: origin, saveBlob: async () => 'blob', screenshots: false });
    expect(result.status).toBe('completed');
    expect(result.steps[1]).toMatchObject({ outcome: 'performed', url: '/second', title: 'Second' });
    expect(result.steps[2]).toMatchObject({ outcome: 'performed', url: '/second' });
    expect(result.steps[2].text).toContain('Done!');
  });

  it('does not wait for a navigation the recording did not see', async () => {
    // This time the page navigates 5 s after the click, long after replay observed the step: the old page.
    const result = await replaySession({ browser, trajectory: trajectory('/?delay=5000', '/?delay=5000'), target: origin, saveBlob: async () => 'blob', screenshots: false });
    expect(result.steps[1]).toMatchObject({ outcome: 'performed', url: '/?delay=5000', title: 'First' });
  });
});
