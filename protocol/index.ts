// The contract shared by the recorder, the server, the replayer and the dashboard. No DOM, no Node imports.
// The recorder imports only from the modules it needs (never schemas.ts) to keep zod out of its bundle.
export * from './rrweb.js';
export * from './target.js';
export * from './customEvents.js';
export * from './ingest.js';
export * from './trajectory.js';
export * from './divergence.js';
export * from './api.js';
export * from './normalize.js';
export * from './recorderInstall.js';
export * from './loaderSnippet.js';
export * from './schemas.js';
