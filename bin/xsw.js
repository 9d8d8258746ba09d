#!/usr/bin/env node
// The CLI's entry (`xsw`, `npm run cli`). Production runs the compiled JavaScript in dist/ (`npm run build`);
// a checkout without a build, or whose TypeScript is newer than its build, runs the sources through tsx
// (a dev dependency), so a stale build never answers for edited sources. Plain JavaScript: nothing to compile.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/src/cli/main.js', root);

/** The newest modification time of the TypeScript sources the build is made of. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['src', 'schema', 'workers', 'webhooks']) {
    const path = fileURLToPath(new URL(dir, root));
    if (existsSync(path)) walk(path);
  }
  return newest;
}

async function tsxAvailable() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const tsx = existsSync(built) && statSync(built).mtimeMs >= newestSource() ? undefined : await tsxAvailable();
if (tsx) {
  tsx.register();
  await import(new URL('src/cli/main.ts', root).href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('xsw: no build found (dist/): run `npm run build` first\n');
  process.exitCode = 1;
}
