import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRecorder } from '../../build.mjs';

/** The recorder loads on customers' pages: Sentry's replay SDK is ~36 KB gzip, Reprise aims below 30 KB. */
const GZIP_BUDGET_BYTES = 30 * 1024;

describe('recorder | bundle size', () => {
  it('keeps dist/recorder.js under the gzip budget, with debug logging stripped', async () => {
    await buildRecorder();
    const bundle = readFileSync(join(import.meta.dirname, '../../../dist/recorder.js'));
    const gzipBytes = gzipSync(bundle, { level: 9 }).length;
    console.log(`dist/recorder.js: ${bundle.length} bytes, ${gzipBytes} bytes gzip (budget ${GZIP_BUDGET_BYTES})`);
    expect(gzipBytes).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
    expect(bundle.includes('[reprise:debug]')).toBe(false);
  });
});
