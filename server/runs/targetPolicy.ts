import type { Project } from '../store/index.js';
import { RunError } from './runErrors.js';

/**
 * Replays run a real browser against URLs that may arrive from webhooks, so a run may only target origins the
 * project allows. `*` allows any origin (the default of a fresh local install).
 */
export function assertTargetAllowed(project: Project, url: string, role: 'baseline' | 'candidate'): void {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new RunError('ORIGIN_NOT_ALLOWED', `Cannot start the run: the ${role} "${url}" is not a valid http(s) URL.`, 400);
  }
  if (project.allowedOrigins.includes('*') || project.allowedOrigins.includes(origin)) return;
  throw new RunError(
    'ORIGIN_NOT_ALLOWED',
    `Cannot start the run: the ${role} ${origin} is not in the allowed origins of project ${project.id}. ` +
      `Add it in Settings → Allowed origins (or REPRISE_ALLOWED_ORIGINS).`,
    403,
  );
}
