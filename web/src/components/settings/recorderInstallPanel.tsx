// How to install the recorder in the project's staging app: the two tags to paste, with this project's key.
import { useState } from 'preact/hooks';
import { recorderInstallHtml } from '../../../../protocol/loaderSnippet.js';

export function RecorderInstallPanel({ ingestKey }: { ingestKey: string }) {
  const [copied, setCopied] = useState('');
  // The dashboard is served by the Reprise server, which also serves the recorder.
  const html = recorderInstallHtml({ scriptUrl: `${location.origin}/recorder.js`, projectKey: ingestKey });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(html);
      setCopied('Copied.');
    } catch {
      setCopied('Copying is not allowed here: select the text and copy it.');
    }
  };
  return (
    <section class="card" aria-labelledby="recorder-title">
      <h2 id="recorder-title">Recorder</h2>
      <p class="muted small">
        Paste at the top of your staging app's <code>&lt;head&gt;</code>, before other scripts. The inline loader queues{' '}
        <code>Reprise.identify</code>/<code>track</code> calls and early page errors until the recorder loads, and notes what
        scrolls so the first snapshot need not force a layout. The page's origin must be in the allowed origins above.
      </p>
      <pre class="install-snippet" aria-label="Recorder install snippet">{html}</pre>
      <div class="inline-form">
        <button type="button" class="button" onClick={copy}>
          Copy
        </button>
        {copied && <span role="status" class="muted small">{copied}</span>}
      </div>
    </section>
  );
}
