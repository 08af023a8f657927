// Project settings as the dashboard sees and edits them: fixtures masked on the way out, a validated patch in.
import { z } from 'zod';
import type { ProjectSettings, ProjectSettingsPatch } from '../../protocol/index.js';
import type { Project } from '../store/index.js';

const MAX_LIST = 200;
const pattern = z.string().trim().min(1).max(500);

export const settingsPatchSchema = z
  .object({
    // `*` lets any origin send recordings (the default for local trials); anything else is reduced to its origin.
    allowedOrigins: z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)])).max(MAX_LIST),
    baselineUrl: z.url({ protocol: /^https?$/ }).nullable(),
    selectionBudget: z.number().int().min(1).max(10_000).nullable(),
    ignore: z
      .object({
        textPatterns: z.array(pattern).max(MAX_LIST),
        requestPaths: z.array(pattern.regex(/^\//, 'a request path starts with "/"')).max(MAX_LIST),
        selectors: z.array(pattern).max(MAX_LIST),
      })
      .partial()
      .strict(),
    replayFixtures: z.record(z.string().trim().min(1).max(200), z.string().max(1000).nullable()),
    retentionDays: z.number().int().min(0).max(3650),
  })
  .partial()
  .strict();

/** What a fixture value looks like outside the server: its length only. */
export function maskValue(value: string): string {
  return value ? '•'.repeat(Math.min(value.length, 12)) : '(empty)';
}

export function settingsView(project: Project): ProjectSettings {
  return {
    id: project.id,
    name: project.name,
    ingestKey: project.ingestKey,
    allowedOrigins: project.allowedOrigins,
    baselineUrl: project.baselineUrl,
    selectionBudget: project.selectionBudget,
    ignore: {
      textPatterns: project.ignore?.textPatterns ?? [],
      requestPaths: project.ignore?.requestPaths ?? [],
      selectors: project.ignore?.selectors ?? [],
    },
    replayFixtures: Object.fromEntries(Object.entries(project.replayFixtures ?? {}).map(([field, value]) => [field, maskValue(value)])),
    retentionDays: project.retentionDays,
    tokens: (project.apiTokens ?? []).map(({ id, name, createdAt }) => ({ id, name, createdAt })),
    webhookSecret: project.webhookSecret,
  };
}

export function applySettingsPatch(project: Project, patch: ProjectSettingsPatch): Project {
  const next: Project = { ...project };
  if (patch.allowedOrigins) next.allowedOrigins = [...new Set(patch.allowedOrigins)];
  if (patch.baselineUrl !== undefined) next.baselineUrl = patch.baselineUrl ?? undefined;
  if (patch.selectionBudget !== undefined) next.selectionBudget = patch.selectionBudget ?? undefined;
  if (patch.retentionDays !== undefined) next.retentionDays = patch.retentionDays;
  // Screenshot regions are not edited here: keep them.
  if (patch.ignore) next.ignore = { ...project.ignore, ...patch.ignore };
  if (patch.replayFixtures) {
    const fixtures = { ...project.replayFixtures };
    for (const [field, value] of Object.entries(patch.replayFixtures)) {
      if (value === null) delete fixtures[field];
      else fixtures[field] = value;
    }
    next.replayFixtures = fixtures;
  }
  return next;
}
