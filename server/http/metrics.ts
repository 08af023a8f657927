// Prometheus metrics at GET /metrics: a tiny registry (counters, gauges, histograms) in the text exposition
// format 0.0.4, so no client library is needed. One process-wide registry, like prom-client's default one.
import type { RequestHandler } from 'express';
import type { RunSummary } from '../../protocol/index.js';

type Labels = Record<string, string>;

const labelKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const formatLabels = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([name, value]) => `${name}="${escapeLabel(value)}"`).join(',')}}` : '';
};

interface Metric {
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelKey(labels);
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(key, entry);
  }

  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels))?.value ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (!this.values.size) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${formatLabels(labels)} ${value}`);
    return lines;
  }
}

/** A gauge read when scraped, so it never goes stale. */
export class Gauge implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly read: () => number) {}

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} gauge`, `${this.name} ${this.read()}`];
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: Labels; buckets: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, private readonly bounds: readonly number[]) {}

  observe(value: number, labels: Labels = {}): void {
    const key = labelKey(labels);
    const entry = this.series.get(key) ?? { labels, buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
    this.bounds.forEach((bound, index) => {
      if (value <= bound) entry.buckets[index]!++;
    });
    entry.sum += value;
    entry.count++;
    this.series.set(key, entry);
  }

  count(labels: Labels = {}): number {
    return this.series.get(labelKey(labels))?.count ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, buckets, sum, count } of this.series.values()) {
      this.bounds.forEach((bound, index) => lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: String(bound) })} ${buckets[index]}`));
      lines.push(`${this.name}_bucket${formatLabels({ ...labels, le: '+Inf' })} ${count}`);
      lines.push(`${this.name}_sum${formatLabels(labels)} ${sum}`, `${this.name}_count${formatLabels(labels)} ${count}`);
    }
    return lines;
  }
}

export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric>();

  register<M extends Metric & { name: string }>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`Cannot register metric ${metric.name}: the name is already registered. Reuse the existing metric.`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  render(): string {
    return `${[...this.metrics.values()].flatMap((metric) => metric.render()).join('\n')}\n`;
  }
}

const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const REPLAY_BUCKETS_SECONDS = [1, 5, 15, 30, 60, 120, 300, 600, 1800];

export const registry = new MetricsRegistry();
const activeRuns = new Map<string, { total: number; done: number }>();
const finishedRuns = new Set<string>();

export const ingestRequests = registry.register(new Counter('reprise_ingest_requests_total', 'POST /api/ingest requests by HTTP status.'));
export const ingestBatches = registry.register(new Counter('reprise_ingest_batches_total', 'Ingest batches accepted, by whether they were new (stored) or retries (duplicate).'));
export const ingestEvents = registry.register(new Counter('reprise_ingest_events_total', 'Recorded events stored by ingest.'));
export const ingestLatency = registry.register(new Histogram('reprise_ingest_duration_seconds', 'Time to answer POST /api/ingest, by status class.', LATENCY_BUCKETS_SECONDS));
export const runsStarted = registry.register(new Counter('reprise_runs_started_total', 'Runs created.'));
export const runsFinished = registry.register(new Counter('reprise_runs_finished_total', 'Runs that ended, by final status.'));
export const runDuration = registry.register(new Histogram('reprise_run_duration_seconds', 'Wall time of finished runs (replays plus analysis), by final status.', REPLAY_BUCKETS_SECONDS));
export const sessionReplays = registry.register(new Counter('reprise_session_replays_total', 'Sessions replayed in finished runs, by outcome (ok, diverged, error).'));
export const predictedTickets = registry.register(new Counter('reprise_predicted_tickets_total', 'Predicted tickets reported by finished runs.'));
registry.register(new Gauge('reprise_runs_active', 'Runs queued or running.', () => activeRuns.size));
registry.register(new Gauge('reprise_replay_queue_depth', 'Sessions of active runs not yet replayed.', () =>
  [...activeRuns.values()].reduce((sum, progress) => sum + Math.max(0, progress.total - progress.done), 0)));

const FINAL_STATUSES = new Set<RunSummary['status']>(['completed', 'failed', 'cancelled']);

/** Fed every run update (startReprise's onRunUpdated): derives run, replay and prediction metrics from them. */
export function observeRunUpdate(run: RunSummary): void {
  if (finishedRuns.has(run.id)) return;
  if (!activeRuns.has(run.id)) runsStarted.inc();
  if (!FINAL_STATUSES.has(run.status)) {
    activeRuns.set(run.id, { ...run.progress });
    return;
  }
  activeRuns.delete(run.id);
  finishedRuns.add(run.id);
  runsFinished.inc({ status: run.status });
  const finishedAt = run.finishedAt ?? Date.now();
  runDuration.observe((finishedAt - (run.startedAt ?? run.createdAt)) / 1000, { status: run.status });
  const { replayed, diverged, errors, tickets } = run.counts;
  sessionReplays.inc({ outcome: 'ok' }, Math.max(0, replayed - diverged - errors));
  sessionReplays.inc({ outcome: 'diverged' }, diverged);
  sessionReplays.inc({ outcome: 'error' }, errors);
  predictedTickets.inc({}, tickets);
}

/** Times every ingest request from arrival to the end of its response, whatever the outcome. */
export const measureIngest: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST') return next();
  const started = performance.now();
  res.once('finish', () => {
    ingestRequests.inc({ status: String(res.statusCode) });
    ingestLatency.observe((performance.now() - started) / 1000, { status: `${Math.floor(res.statusCode / 100)}xx` });
  });
  next();
};

export const metricsRoute: RequestHandler = (_req, res) => {
  res.type('text/plain; version=0.0.4; charset=utf-8').send(registry.render());
};
