// Bad input: thousands of hostile bodies to every route that takes one. Each must get a 4xx JSON error with a
// message, the server must stay up, and nothing from an invalid request may reach the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFuzzCases, type FuzzCase } from './fuzzCases.js';
import { seededRandom } from '../harness/seededRandom.js';
import { ADMIN_TOKEN, LONG_TESTS, startReliabilityServer, type ReliabilityServer } from './reliabilityServer.js';

const FUZZ_SEED = Number(process.env.REPRISE_FUZZ_SEED ?? 7_2026);
const FUZZ_CASES = Number(process.env.REPRISE_FUZZ_CASES ?? (LONG_TESTS ? 10_000 : 2_000));
// About 6 ms a case alone, several times that while the rest of the suite shares the two cores.
const FUZZ_TIMEOUT_MS = 120_000 + FUZZ_CASES * 50;
const CONCURRENCY = 6;

describe('e2e/reliability | bad input fuzz', () => {
  let server: ReliabilityServer;

  beforeAll(async () => {
    // The limits are raised so that the fuzz reaches validation instead of stopping at 429.
    server = await startReliabilityServer({ ingestRatePerSecond: 1e6, ingestBurst: 1e6, apiRatePerSecond: 1e6, apiBurst: 1e6 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`answers ${FUZZ_CASES} malformed requests (seed ${FUZZ_SEED}) with a 4xx JSON error and stores nothing`, { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let index = 0;
    const send = async (fuzz: FuzzCase) => {
      const headers: Record<string, string> = {
        'content-type': fuzz.contentType,
        // Login is limited per client address; behind the loopback proxy each fuzz case counts as its own client.
        'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index++ & 255}`,
      };
      if (fuzz.route === '/api/ingest') headers['x-reprise-key'] = server.projectA.ingestKey;
      else if (fuzz.route !== '/api/auth/login') Object.assign(headers, { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-reprise-project': 'default' });
      let status = 0;
      let body: { error?: { code?: unknown; message?: unknown } } | undefined;
      try {
        const response = await fetch(server.url + fuzz.route, { method: 'POST', headers, body: new Uint8Array(fuzz.body) });
        status = response.status;
        body = JSON.parse(await response.text());
      } catch (error) {
        failures.push(`${fuzz.route} ${fuzz.kind}: no JSON answer (${(error as Error).message}), status ${status}`);
        return;
      }
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      const { code, message } = body?.error ?? {};
      if (status < 400 || status > 499 || typeof code !== 'string' || !code || typeof message !== 'string' || !message) {
        failures.push(`${fuzz.route} ${fuzz.kind}: status ${status}, body ${JSON.stringify(body).slice(0, 200)}`);
      }
    };
    const cases = generateFuzzCases(FUZZ_SEED, FUZZ_CASES, seededRandom(FUZZ_SEED));
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let next = cases.next(); !next.done; next = cases.next()) await send(next.value);
    }));
    console.log(`fuzz: ${FUZZ_CASES} cases, statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
    expect(failures.slice(0, 20)).toEqual([]);

    expect((await (await fetch(`${server.url}/healthz`)).json()).ok).toBe(true);
    for (const project of ['default', 'project-b']) {
      expect((await server.store.listSessions(project, {}, 200)).items).toEqual([]);
      expect((await server.store.listRuns(project, 200)).items).toEqual([]);
      expect(await server.store.listLabels(project)).toEqual([]);
    }
    // The store still works after the storm: a valid batch is accepted and stored.
    const { firstBatch } = await import('../../server/test/helpers/batches.js');
    const valid = await fetch(`${server.url}/api/ingest`, { method: 'POST', headers: { 'x-reprise-key': server.projectA.ingestKey }, body: JSON.stringify(firstBatch('fuzz-after-storm')) });
    expect(valid.status).toBe(200);
    expect((await server.store.getSession('default', 'fuzz-after-storm'))?.counts.events).toBe(3);
  });
});
