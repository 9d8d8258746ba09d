import { runMain } from './runtime/run-main.js';

// Procfile `web:` line: webhook receiver and health endpoints only.
await runMain({ web: true, worker: false });
