export { BrowserPool } from './browserPool.js';
export { createRunService, type RunService, type RunServiceDeps } from './runService.js';
export { mountRunRoutes } from './runRoutes.js';
export { selectSessions, coverFlows, type SelectedSession } from './selectSessions.js';
export { RunError } from './runErrors.js';
