// Replaced at build time by esbuild's `define`; false in dist/ so debug logging is stripped from the bundle.
declare const __DEBUG__: boolean;
