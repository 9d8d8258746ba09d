import { readFileSync } from 'node:fs';

export interface RealDelivery {
  alg: string;
  publicKeyPem: string;
  jwt: string;
  claims: { jti: string; aud?: string; exp?: number; data: { event: string; payload: { callback: string } } };
  httpHeaders?: Record<string, string>;
  httpBody?: string;
}

export const REAL = JSON.parse(readFileSync(new URL('../fixtures/real-webhook-deliveries.json', import.meta.url), 'utf8')) as {
  settings: { account: string; domain: string; issuer: string; audience: string };
  deliveries: RealDelivery[];
  rejections: string[];
};

/** The environment the real deliveries were signed for, trusting `pem`, allowing `algorithms`. */
export function realEnv(pem: string, algorithms = 'RS256,RS512', overrides: Record<string, string> = {}): Record<string, string> {
  return {
    XURRENT_ACCOUNT: REAL.settings.account,
    XURRENT_DOMAIN: REAL.settings.domain,
    XURRENT_WEBHOOK_AUDIENCE: REAL.settings.audience,
    XURRENT_WEBHOOK_PUBLIC_KEY: pem,
    XURRENT_WEBHOOK_ALGORITHMS: algorithms,
    ...overrides,
  };
}
