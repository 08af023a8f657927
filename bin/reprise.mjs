#!/usr/bin/env node
// The `reprise` command: runs the TypeScript CLI through tsx's loader, so there is no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
