import type { Project, Store } from '../store/index.js';

/** Environments whose deployments serve as the base of comparison rather than as candidates. */
export const BASELINE_ENVIRONMENTS = ['production', 'staging'];

/** The explicit baseline, else the project's configured one, else its last production or staging deployment. */
export async function resolveBaseline(store: Store, project: Project, explicit?: string): Promise<string | undefined> {
  if (explicit) return explicit;
  if (project.baselineUrl) return project.baselineUrl;
  const [latest] = await store.listDeployments(project.id, { environment: BASELINE_ENVIRONMENTS }, 1);
  return latest?.url;
}
