/** Builds dist/recorder.js (IIFE for the script tag) and dist/recorder.esm.js. */
export declare function buildRecorder(): Promise<void>;
