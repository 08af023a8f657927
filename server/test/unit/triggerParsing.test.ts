import { describe, expect, it } from 'vitest';
import {
  githubSignature, nextRunTimes, parseGenericDeployment, parseGithubDeploymentStatus, parseVercelDeployment,
  signDeploymentWebhook, verifyDeploymentSignature, verifyGithubSignature, verifyVercelSignature, vercelSignature,
} from '../../triggers/index.js';

const SECRET = 's3cret';

describe('server/triggers | webhookSignature', () => {
  const body = Buffer.from('{"project":"default"}');
  const now = 1_800_000_000_000;
  it('accepts a fresh signature of the exact body', () => {
    expect(() => verifyDeploymentSignature(SECRET, body, signDeploymentWebhook(SECRET, body, now), now + 1000)).not.toThrow();
  });
  it('refuses a changed body, a missing header and an old timestamp', () => {
    const header = signDeploymentWebhook(SECRET, body, now);
    expect(() => verifyDeploymentSignature(SECRET, Buffer.from('{"project":"other"}'), header, now)).toThrow(/signature is wrong/);
    expect(() => verifyDeploymentSignature(SECRET, body, undefined, now)).toThrow(/x-reprise-signature header is missing/);
    expect(() => verifyDeploymentSignature(SECRET, body, header, now + 5 * 60_000 + 1000)).toThrow(/replayed or stale/);
  });
  it('verifies GitHub and Vercel signatures', () => {
    expect(() => verifyGithubSignature(SECRET, body, githubSignature(SECRET, body))).not.toThrow();
    expect(() => verifyGithubSignature(SECRET, body, githubSignature('other', body))).toThrow(/x-hub-signature-256 signature is wrong/);
    expect(() => verifyVercelSignature(SECRET, body, vercelSignature(SECRET, body))).not.toThrow();
    expect(() => verifyVercelSignature(SECRET, body, 'abc')).toThrow(/x-vercel-signature/);
  });
});

describe('server/triggers | deploymentEvents', () => {
  it('reads the generic payload', () => {
    expect(parseGenericDeployment({ project: 'p', environment: 'Preview', url: 'https://pr-3.example', commit: 'abc', pullRequest: '3', deployedAt: '2026-01-02T03:04:05Z' }))
      .toEqual({ project: 'p', event: { environment: 'preview', url: 'https://pr-3.example', commit: 'abc', pullRequest: 3, deployedAt: Date.parse('2026-01-02T03:04:05Z'), source: 'generic' } });
    expect(() => parseGenericDeployment({ project: 'p', environment: 'preview', url: 'ftp://x' })).toThrow(/docs\/webhooks.md/);
  });
  it('reads GitHub deployment_status and ignores states other than success', () => {
    const event = (state: string) => ({ deployment_status: { state, target_url: 'https://pr-9.example' }, deployment: { sha: 'f00', ref: 'refs/pull/9/merge', environment: 'Preview' } });
    expect(parseGithubDeploymentStatus(event('success'))).toMatchObject({ url: 'https://pr-9.example', commit: 'f00', pullRequest: 9, environment: 'preview', source: 'github' });
    expect(parseGithubDeploymentStatus(event('pending'))).toBeUndefined();
  });
  it('reads Vercel deployment.succeeded', () => {
    const event = { type: 'deployment.succeeded', createdAt: 5, payload: { target: null, deployment: { url: 'app-git-x.vercel.app', meta: { githubCommitSha: 'abc', githubCommitRef: 'x', githubPrId: '12' } } } };
    expect(parseVercelDeployment(event)).toEqual({ url: 'https://app-git-x.vercel.app', commit: 'abc', environment: 'preview', branch: 'x', pullRequest: 12, deployedAt: 5, source: 'vercel' });
    expect(parseVercelDeployment({ ...event, type: 'deployment.created' })).toBeUndefined();
  });
});

describe('server/triggers | cronSchedule', () => {
  it('computes the next run times in UTC', () => {
    const from = Date.parse('2026-03-01T12:00:00Z');
    expect(nextRunTimes('0 3 * * *', from, 2).map((time) => new Date(time).toISOString())).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-03T03:00:00.000Z']);
    expect(nextRunTimes('*/10 * * * * *', from, 1)).toEqual([from + 10_000]);
  });
  it('explains an invalid expression', () => {
    expect(() => nextRunTimes('every night', 0)).toThrow(/Invalid schedule "every night".*five cron fields/);
  });
});
