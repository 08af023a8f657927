import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checksumEvents, ingestBatchSchema } from '../../../protocol/index.js';
import { batchBody, buildTemplatePool, gzippedBatchBody, templateFor } from '../../ingest/batchTemplates.js';
import { parseArgs } from '../../ingest/index.js';
import { percentile } from '../../ingest/latencyStats.js';

describe('bench/ingest | batches, args and percentiles', () => {
  it('builds valid gzip-able batches of 100-300 events, a FullSnapshot opening each session', () => {
    const pool = buildTemplatePool();
    const opening = JSON.parse(gunzipSync(gzipSync(batchBody(templateFor(pool, 0, 0), 'bench-test-s0', 0))).toString('utf8'));
    const parsed = ingestBatchSchema.parse(opening);
    expect(parsed.events.map((event) => event.type).slice(0, 2)).toEqual([4, 2]);
    expect(checksumEvents(parsed.events)).toBe(parsed.checksum);
    for (const template of [...pool.openings, ...pool.incremental]) {
      expect(template.eventCount).toBeGreaterThanOrEqual(100);
      expect(template.eventCount).toBeLessThanOrEqual(300);
    }
    const later = JSON.parse(batchBody(templateFor(pool, 0, 5), 'bench-test-s0', 5)) as { events: { type: number; data: { tag?: string } }[] };
    expect(later.events.some((event) => event.type === 2)).toBe(false);
    expect(later.events.some((event) => event.type === 5 && event.data.tag?.startsWith('reprise.'))).toBe(true);
  });

  it('sends the same body gzip-compressed as two gzip members, the events part compressed ahead', () => {
    const template = templateFor(buildTemplatePool(), 1, 3);
    const text = gunzipSync(gzippedBatchBody(template, 'bench-test-s1', 3)).toString('utf8');
    // sentAt is the only field that may differ between two calls.
    const withoutSentAt = (body: string) => body.replace(/"sentAt":\d+/, '"sentAt":0');
    expect(withoutSentAt(text)).toBe(withoutSentAt(batchBody(template, 'bench-test-s1', 3)));
    expect(ingestBatchSchema.parse(JSON.parse(text)).seq).toBe(3);
  });

  it('parses --duration, --recorders and --soak, and names a bad value', () => {
    expect(parseArgs([])).toEqual({ durationSeconds: 20, recorderCounts: [50, 200], soakSeconds: undefined });
    expect(parseArgs(['--duration', '5', '--recorders', '10,20', '--soak', '120'])).toEqual({ durationSeconds: 5, recorderCounts: [10, 20], soakSeconds: 120 });
    expect(() => parseArgs(['--duration', 'soon'])).toThrow('--duration expects a positive number, got "soon"');
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.99)).toBe(99);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
