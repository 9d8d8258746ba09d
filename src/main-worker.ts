import { runMain } from './runtime/run-main.js';

// Procfile `worker:` line: BullMQ workers only.
await runMain({ web: false, worker: true });
