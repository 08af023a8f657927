// Child-process entry: runs the simulated recorders in their own process, so that load generation does not
// share an event loop with the server under test, and posts the result back over IPC.
import { runRecorders, type RecorderLoadOptions } from './runRecorders.js';

const options = JSON.parse(process.argv[2] ?? '{}') as RecorderLoadOptions;
const result = await runRecorders(options);
process.send?.({ result }, () => process.exit(0));
