// Display formatting shared by every page. Pure functions: unit-tested in web/test/unit.

export function formatPercent(probability: number): string {
  if (!Number.isFinite(probability)) return '—';
  const percent = Math.max(0, Math.min(1, probability)) * 100;
  if (percent > 0 && percent < 1) return '<1%';
  if (percent < 100 && percent > 99) return '>99%';
  return `${Math.round(percent)}%`;
}

export type ProbabilityLevel = 'high' | 'medium' | 'low';

/** High starts at the default ticket threshold (0.5) so that the badge colour agrees with `reprise ci --fail-on`. */
export function probabilityLevel(probability: number, ticketThreshold = 0.5): ProbabilityLevel {
  if (probability >= ticketThreshold) return 'high';
  if (probability >= ticketThreshold / 2) return 'medium';
  return 'low';
}

export function formatDuration(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) return '—';
  if (durationMs < 1000) return `${Math.round(durationMs)} ms`;
  const totalSeconds = Math.round(durationMs / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

export function formatRelativeTime(epochMs: number, nowMs: number = Date.now()): string {
  const diffSeconds = Math.round((nowMs - epochMs) / 1000);
  if (diffSeconds < 0) return 'just now';
  if (diffSeconds < 45) return 'just now';
  const minutes = Math.round(diffSeconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

export function formatDateTime(epochMs: number): string {
  const date = new Date(epochMs);
  if (Number.isNaN(date.getTime())) return '—';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `https://preview-42.example.com/app` -> `preview-42.example.com/app`: tables show hosts, titles keep the full URL. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === '/' ? '' : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

export function shortId(id: string, length = 8): string {
  return id.length > length ? id.slice(0, length) : id;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Progress as a 0..100 percentage; an empty run (total 0) reads as 0, not NaN. */
export function progressPercent(progress: { done: number; total: number }): number {
  if (progress.total <= 0) return 0;
  return Math.round((Math.min(progress.done, progress.total) / progress.total) * 100);
}

/** `ticket-probability` feature names come as snake or kebab case; the dashboard shows words. */
export function humanizeFeature(feature: string): string {
  const words = feature.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
