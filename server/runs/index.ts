export { BrowserPool } from './browserPool.js';
export { createRunService, type RunService, type RunServiceDeps, type RunUpdateOrigin } from './runService.js';
export { createRunJobHandlers, type RunJobContext } from './runJobHandlers.js';
export { startReplayWorker, type ReplayWorkerOptions } from './startReplayWorker.js';
export { mountRunRoutes } from './runRoutes.js';
export { selectSessions, coverFlows, type SelectedSession } from './selectSessions.js';
export { RunError } from './runErrors.js';
