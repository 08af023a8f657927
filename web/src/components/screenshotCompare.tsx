// Baseline and candidate screenshots, side by side or overlaid with a slider (candidate clipped over baseline),
// with the visual diff image optionally laid on top.
import { useState } from 'preact/hooks';
import { blobUrl } from '../api.js';

interface ScreenshotCompareProps {
  project: string;
  baseline?: string;
  candidate?: string;
  diffImage?: string;
}

export function ScreenshotCompare({ project, baseline, candidate, diffImage }: ScreenshotCompareProps) {
  const [mode, setMode] = useState<'side' | 'slider'>('side');
  const [slider, setSlider] = useState(50);
  const [showDiff, setShowDiff] = useState(false);
  if (!baseline && !candidate) return <p class="muted small">No screenshots for this step (the page did not change).</p>;
  const canCompare = Boolean(baseline && candidate);
  return (
    <div class="compare">
      <div class="compare-controls">
        <div role="group" aria-label="Screenshot view" class="segmented">
          <button type="button" class="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>
            Side by side
          </button>
          <button type="button" class="button" aria-pressed={mode === 'slider'} onClick={() => setMode('slider')} disabled={!canCompare}>
            Compare
          </button>
        </div>
        {mode === 'slider' && canCompare && (
          <label class="inline-field">
            <span>Candidate shown</span>
            <input type="range" min={0} max={100} value={slider} onInput={(e) => setSlider(Number((e.target as HTMLInputElement).value))} />
            <span class="small">{slider}%</span>
          </label>
        )}
        {diffImage && (
          <label class="inline-field">
            <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff((e.target as HTMLInputElement).checked)} />
            <span>Show diff</span>
          </label>
        )}
      </div>
      {mode === 'side' || !canCompare ? (
        <div class="side-by-side">
          <Shot label="Baseline" src={baseline && blobUrl(project, baseline)} diff={showDiff ? diffImage && blobUrl(project, diffImage) : undefined} />
          <Shot label="Candidate" src={candidate && blobUrl(project, candidate)} diff={showDiff ? diffImage && blobUrl(project, diffImage) : undefined} />
        </div>
      ) : (
        <figure class="shot">
          <div class="overlay">
            <img src={blobUrl(project, baseline!)} alt="Baseline screenshot" />
            <img
              class="overlay-top"
              src={blobUrl(project, candidate!)}
              alt="Candidate screenshot"
              style={{ clipPath: `inset(0 ${100 - slider}% 0 0)` }}
            />
            {showDiff && diffImage && <img class="overlay-diff" src={blobUrl(project, diffImage)} alt="Visual difference" />}
            <span class="overlay-divider" style={{ left: `${slider}%` }} aria-hidden="true" />
          </div>
          <figcaption class="small muted">Left of the line: candidate. Right: baseline.</figcaption>
        </figure>
      )}
    </div>
  );
}

function Shot({ label, src, diff }: { label: string; src?: string; diff?: string }) {
  return (
    <figure class="shot">
      <figcaption>{label}</figcaption>
      {src ? (
        <div class="overlay">
          <img src={src} alt={`${label} screenshot`} loading="lazy" />
          {diff && <img class="overlay-diff" src={diff} alt="Visual difference" />}
        </div>
      ) : (
        <p class="muted small">No screenshot on this side.</p>
      )}
    </figure>
  );
}
