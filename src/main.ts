import { runMain } from './runtime/run-main.js';

// Web receiver and workers in one process: the default for `npm start` and small installations.
await runMain({ web: true, worker: true });
