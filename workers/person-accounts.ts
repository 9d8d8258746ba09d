import { PERSON_ACCOUNT, PersonAccountSchema } from '../schema/graphql/person-account.js';
import type { CountedXurrentClient } from '../src/xurrent/client.js';

export interface PersonAccounts {
  /** The person's account id; null when Xurrent knows no such person or has no account for them. Throws when the call fails. */
  accountOf(personNodeId: string, xurrent: Pick<CountedXurrentClient, 'request'>): Promise<string | null>;
}

/**
 * Person → account, remembered by this process only (a person's account hardly ever changes, and
 * one call per person per process keeps the webhook path cheap). In memory and bounded, oldest
 * forgotten first: no Redis key holding person ids beyond the status-actor records themselves.
 * A failed call is not remembered, so the next event for that person asks again.
 */
export function createPersonAccounts(maxEntries = 1_000): PersonAccounts {
  const known = new Map<string, string | null>();
  return {
    async accountOf(personNodeId, xurrent) {
      if (known.has(personNodeId)) {
        const accountId = known.get(personNodeId) ?? null;
        // Re-inserted, so the people seen most recently are the last to be forgotten.
        known.delete(personNodeId);
        known.set(personNodeId, accountId);
        return accountId;
      }
      const { node } = await xurrent.request(PERSON_ACCOUNT, { id: personNodeId }, PersonAccountSchema);
      const accountId = node?.account?.id ?? null;
      known.set(personNodeId, accountId);
      while (known.size > maxEntries) {
        const oldest = known.keys().next().value;
        if (oldest === undefined) break;
        known.delete(oldest);
      }
      return accountId;
    },
  };
}
