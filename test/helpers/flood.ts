import { setTimeout as sleep } from 'node:timers/promises';

export interface Flood<T> {
  /** What came back so far, in the order it came back. */
  answers: T[];
  /** Lets every sender finish its delivery in flight, then returns all the answers. */
  stop(): Promise<T[]>;
}

/**
 * `senders` concurrent senders, each delivering one after another (numbered 1, 2, … across all of
 * them) until stopped, with `paceMs` between one sender's deliveries: the webhook flood of the fault tests.
 */
export function startFlood<T>(senders: number, send: (n: number) => Promise<T>, paceMs = 0): Flood<T> {
  const answers: T[] = [];
  let sent = 0;
  let flooding = true;
  const loops = Array.from({ length: senders }, async () => {
    while (flooding) {
      const n = (sent += 1);
      answers.push(await send(n));
      if (paceMs > 0) await sleep(paceMs);
    }
  });
  return {
    answers,
    async stop() {
      flooding = false;
      await Promise.all(loops);
      return answers;
    },
  };
}
