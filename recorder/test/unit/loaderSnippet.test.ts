import { describe, expect, it } from 'vitest';
import { LOADER_SNIPPET, recorderInstallHtml } from '../../../protocol/loaderSnippet.js';
import { LOADER_QUEUED_METHODS, LOADER_VERSION } from '../../../protocol/recorderInstall.js';

describe('recorder | inline loader', () => {
  it('queues exactly the methods the recorder replays, under the version it checks', () => {
    const queued = JSON.parse(/(\[[^\]]*\])\.forEach/.exec(LOADER_SNIPPET)![1]);
    expect(queued).toEqual([...LOADER_QUEUED_METHODS]);
    expect(LOADER_SNIPPET).toContain(`v:${LOADER_VERSION},`);
    // Pasted inline: nothing in it may close the script element or need a module context.
    expect(LOADER_SNIPPET).not.toMatch(/<\/script|import |export /i);
    expect(() => new Function(LOADER_SNIPPET)).not.toThrow();
  });

  it('writes the two tags with the key and attributes escaped', () => {
    const html = recorderInstallHtml({ scriptUrl: 'https://reprise.example/recorder.js', projectKey: 'pk_"<x>', attributes: { 'data-sample-rate': '0.5' } });
    expect(html).toBe(
      `<script>${LOADER_SNIPPET}</script>\n` +
        '<script src="https://reprise.example/recorder.js" data-project="pk_&quot;&lt;x>" data-sample-rate="0.5" defer></script>',
    );
  });
});
