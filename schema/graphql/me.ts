import { z } from 'zod';

/** Who the token belongs to (used by `config-check` style probes). */
export const ME = /* GraphQL */ `
  query Me {
    me {
      id
      name
      primaryEmail
    }
  }
`;
export const MeResultSchema = z.object({
  me: z.object({ id: z.string(), name: z.string().nullish(), primaryEmail: z.string().nullish() }).nullable(),
});
