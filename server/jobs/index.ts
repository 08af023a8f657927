// Public surface of the job backends: a run is many session-replay jobs behind one JobQueue interface.
export { MAX_ATTEMPTS, errorMessage, type JobQueue, type ReplayJob, type RunJobHandlers, type RunRef } from './jobQueue.js';
export { createInProcessQueue, type InProcessQueueOptions } from './inProcessQueue.js';
export { createBullmqQueue, type BullmqQueueOptions } from './bullmqQueue.js';
export { startBullmqWorker, DEFAULT_LOCK_DURATION_MS, type BullmqWorkerOptions, type RunningWorker } from './bullmqWorker.js';
export { attachRedisAdapter } from './socketRedisAdapter.js';
export { logOncePerMinute, RedisConfigError, RedisUnavailableError, type RedisErrorHandler } from './redisConnection.js';
