// Small visual atoms: probability badge, divergence kind chips, run status, progress bar.
import type { Divergence, RunStatus } from '../../../protocol/divergence.js';
import { formatPercent, probabilityLevel, progressPercent } from '../format.js';

export function ProbabilityBadge({ probability }: { probability: number }) {
  const level = probabilityLevel(probability);
  return (
    <span class={`badge prob-${level}`} title={`Ticket probability ${formatPercent(probability)} (${level})`}>
      {formatPercent(probability)}
    </span>
  );
}

export function KindChips({ divergences }: { divergences: readonly Divergence[] }) {
  const counts = new Map<string, { count: number; noise: boolean }>();
  for (const divergence of divergences) {
    const entry = counts.get(divergence.kind) ?? { count: 0, noise: true };
    entry.count += 1;
    entry.noise &&= Boolean(divergence.noise);
    counts.set(divergence.kind, entry);
  }
  if (counts.size === 0) return null;
  return (
    <span class="chips">
      {[...counts].map(([kind, { count, noise }]) => (
        <span key={kind} class={`chip${noise ? ' chip-noise' : ''}`} title={noise ? `${kind} (noise)` : kind}>
          {kind}
          {count > 1 ? ` ×${count}` : ''}
        </span>
      ))}
    </span>
  );
}

export function StatusPill({ status }: { status: RunStatus | 'pass' | 'diverged' | 'error' }) {
  return <span class={`pill status-${status}`}>{status}</span>;
}

export function ProgressBar({ progress }: { progress: { done: number; total: number } }) {
  const percent = progressPercent(progress);
  return (
    <span class="progress" title={`${progress.done} of ${progress.total} sessions`}>
      <span
        class="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-label="Sessions replayed"
      >
        <span class="progress-fill" style={{ width: `${percent}%` }} />
      </span>
      <span class="progress-text">
        {progress.done}/{progress.total}
      </span>
    </span>
  );
}
