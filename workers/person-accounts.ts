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
 * A lookup in flight is shared by concurrent events; a failed one is not remembered, so the next
 * event for that person asks again.
 */
export function createPersonAccounts(maxEntries = 1_000): PersonAccounts {
  const known = new Map<string, Promise<string | null>>();
  return {
    accountOf(personNodeId, xurrent) {
      const cached = known.get(personNodeId);
      if (cached) {
        // Re-inserted, so the people seen most recently are the last to be forgotten.
        known.delete(personNodeId);
        known.set(personNodeId, cached);
        return cached;
      }
      const lookup = xurrent
        .request(PERSON_ACCOUNT, { id: personNodeId }, PersonAccountSchema)
        .then(({ node }) => node?.account?.id ?? null);
      known.set(personNodeId, lookup);
      lookup.catch(() => {
        if (known.get(personNodeId) === lookup) known.delete(personNodeId);
      });
      while (known.size > maxEntries) {
        const oldest = known.keys().next().value;
        if (oldest === undefined) break;
        known.delete(oldest);
      }
      return lookup;
    },
  };
}
