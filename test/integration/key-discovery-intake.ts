import { afterEach } from 'vitest';
import { listen, postRaw, type Listening } from '../helpers/http.js';
import { startTestIntake, type TestIntake } from '../helpers/intake.js';
import { AUDIENCE, ISSUER } from '../helpers/signing.js';

/** The issuer of webhook policy `wp-1` of our account: where its discovery documents are. */
export const POLICY_ISSUER = `${ISSUER}/webhook_policies/wp-1`;
export const DISCOVERY_ENV = {
  XURRENT_ACCOUNT: 'acme',
  XURRENT_DOMAIN: 'xurrent.qa',
  XURRENT_WEBHOOK_AUDIENCE: AUDIENCE,
  XURRENT_WEBHOOK_JWKS: 'discover',
};

/** Each test's intake and its server, closed after each test of the file that calls this. */
export function discoveryIntake() {
  let intake: TestIntake | undefined;
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    await intake?.close();
  });
  return {
    start: async (env: Record<string, string>, options?: Parameters<typeof startTestIntake>[1]) => {
      intake = await startTestIntake(env, options);
      server = await listen(intake.app);
      return intake;
    },
    deliver: (token: string) => postRaw(server!.url, JSON.stringify({ jwt: token })),
  };
}
