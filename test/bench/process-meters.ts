import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** CPU seconds a process has used so far (user + system, from /proc; Linux only, else 0). */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the Redis server has used so far (user + system, INFO cpu). */
export const redisCpuSeconds = async (redis: Redis) => {
  const text = await redis.info('cpu');
  return Number(/used_cpu_user:([\d.]+)/.exec(text)?.[1] ?? 0) + Number(/used_cpu_sys:([\d.]+)/.exec(text)?.[1] ?? 0);
};

/** Calls per Redis command name (INFO commandstats), to see where the round trips go. */
export async function commandStats(redis: Redis): Promise<Map<string, number>> {
  const text = await redis.info('commandstats');
  return new Map([...text.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)].map((m) => [m[1] ?? '', Number(m[2])]));
}

/** Commands the Redis server has processed so far (INFO stats). */
export const commandsProcessed = async (redis: Redis) => Number(/total_commands_processed:(\d+)/.exec(await redis.info('stats'))?.[1] ?? 0);
