import { runMain } from './runtime/run-main.js';

// `npm start`: web receiver and workers in one process, as src/main.ts; outside production and without
// Xurrent credentials, against the embedded Xurrent simulator. Development only: the simulator is
// imported here, on demand, and neither this file nor the simulator is part of the production build.
await runMain(
  { web: true, worker: true },
  { loadEmbeddedXurrent: async () => (await import('./demo/embedded-simulator.js')).startEmbeddedSimulator },
);
