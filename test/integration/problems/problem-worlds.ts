import { afterEach } from 'vitest';
import { startProblemWorld } from '../../helpers/problem-world.js';

export type World = Awaited<ReturnType<typeof startProblemWorld>>;

/** `world(env)` for the calling test file: a problem world whose worlds are closed after each test. */
export function problemWorlds(): (env?: Record<string, string>) => Promise<World> {
  const worlds: World[] = [];
  afterEach(async () => {
    for (const world of worlds.splice(0)) await world.close();
  });
  return async (env = {}) => {
    const w = await startProblemWorld({ env });
    worlds.push(w);
    return w;
  };
}
