import { runMain } from './runtime/run-main.js';

// Web receiver and workers in one process, for small installations (`node dist/src/main.js`).
// `npm start` runs src/main-dev.ts, which adds the embedded Xurrent simulator outside production.
await runMain({ web: true, worker: true });
