/** Builds dist/recorder.js (IIFE for the script tag) and dist/recorder.esm.js. */
export declare function buildRecorder(): Promise<void>;
/** The esbuild plugin that applies Reprise's rrweb patches; exported for bench/recorder's profiling build. */
export declare const patchRrwebRecord: import('esbuild').Plugin;
