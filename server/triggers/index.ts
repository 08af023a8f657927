// Public surface of run triggers: signed deployment webhooks and cron schedules.
export { acceptDeployment, type DeploymentOutcome, type RunStarter, type TriggerDeps } from './acceptDeployment.js';
export { parseGenericDeployment, parseGithubDeploymentStatus, parseVercelDeployment, type DeploymentEvent } from './deploymentEvents.js';
export { BASELINE_ENVIRONMENTS, resolveBaseline } from './resolveBaseline.js';
export { assertValidCron, nextRunTimes } from './cronSchedule.js';
export { startScheduler, SCHEDULER_TICK_MS, type Scheduler, type ScheduleView, type SchedulerOptions } from './scheduler.js';
export { scheduleRoutes } from './scheduleRoutes.js';
export { webhookRoutes, type WebhookRouteDeps } from './webhookRoutes.js';
export { TriggerError, type TriggerErrorCode } from './triggerError.js';
export {
  GITHUB_SIGNATURE_HEADER, MAX_SIGNATURE_AGE_MS, REPRISE_SIGNATURE_HEADER, VERCEL_SIGNATURE_HEADER,
  githubSignature, signDeploymentWebhook, vercelSignature, verifyDeploymentSignature, verifyGithubSignature, verifyVercelSignature,
} from './webhookSignature.js';
