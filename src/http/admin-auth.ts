import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { AdminCredentials } from '../../schema/env/operations.js';
import type { Logger } from '../logger.js';
import { clientAddressKey } from './client-address.js';
import type { LoginThrottle } from './login-throttle.js';

/** Whether any admin credential is configured; without one the admin surface is disabled, never open. */
export function adminEnabled(credentials: AdminCredentials): boolean {
  return credentials.token !== undefined || credentials.basic !== undefined;
}

export interface AdminAuthDeps {
  /** Failed logins per client address (`req.ip`: set express's `trust proxy` behind a proxy). */
  throttle: LoginThrottle;
  logger: Logger;
}

/**
 * Accepts `Authorization: Bearer <ADMIN_TOKEN>` or `Basic base64(<ADMIN_USER>:<ADMIN_PASSWORD>)`.
 * Comparisons are constant-time over SHA-256 digests, so neither content nor length leaks.
 * Disabled (no credentials): 404 with a message naming the variables; missing: 401 with the
 * challenges (a browser's first request; not a failed login); wrong: 401, logged and counted;
 * an address past its failures: 429 with `Retry-After`, before its credential is even looked at.
 */
export function createAdminAuth(credentials: AdminCredentials, { throttle, logger }: AdminAuthDeps): RequestHandler {
  if (!adminEnabled(credentials)) {
    return (_req, res) => {
      res.status(404).json({ error: 'Admin endpoints are disabled: set ADMIN_TOKEN, or ADMIN_USER and ADMIN_PASSWORD, to enable them' });
    };
  }
  const challenges = adminChallenges(credentials);
  return async (req, res, next) => {
    const address = clientAddressKey(req.ip);
    const blockedForMs = await throttle.blockedForMs(address);
    if (blockedForMs > 0) return tooManyFailures(res, blockedForMs);
    const header = req.headers.authorization;
    if (isAuthorised(header, credentials)) return next();
    if (header !== undefined) {
      const failure = await throttle.recordFailure(address);
      // Never the header itself: a scheme-less header is the credential, and so is any digest of it.
      const context = {
        component: 'admin',
        address: req.ip ?? 'unknown',
        method: req.method,
        path: `${req.baseUrl}${req.path}`,
        scheme: schemeOf(header),
        failures: failure.failures,
      };
      logger.warn('admin login failed', context);
      if (failure.blockedForMs > 0)
        logger.warn('admin logins blocked for this address', { ...context, retryAfterSeconds: retryAfterSeconds(failure.blockedForMs) });
    }
    res.setHeader('WWW-Authenticate', challenges);
    res.status(401).json({ error: 'Authentication required' });
  };
}

function tooManyFailures(res: Response, blockedForMs: number): void {
  res.setHeader('Retry-After', String(retryAfterSeconds(blockedForMs)));
  res.status(429).json({ error: 'Too many failed logins from this address; try again later' });
}

const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function schemeOf(header: string): 'basic' | 'bearer' | 'other' {
  const scheme = header.trimStart().split(' ', 1)[0]?.toLowerCase();
  return scheme === 'basic' || scheme === 'bearer' ? scheme : 'other';
}

/**
 * One `WWW-Authenticate` header per scheme. RFC 9110 allows several challenges in one header, but
 * Chromium does not read `Basic realm=…, charset="UTF-8", Bearer` as a Basic challenge and shows no
 * login prompt; separate headers are read by every browser. Basic first: it is the one browsers answer.
 */
export function adminChallenges(credentials: AdminCredentials): string[] {
  const challenges: string[] = [];
  if (credentials.basic) challenges.push('Basic realm="xurrent-support-worker", charset="UTF-8"');
  if (credentials.token) challenges.push('Bearer realm="xurrent-support-worker"');
  return challenges;
}

function isAuthorised(header: string | undefined, credentials: AdminCredentials): boolean {
  if (!header) return false;
  const space = header.indexOf(' ');
  if (space < 0) return false;
  const scheme = header.slice(0, space).toLowerCase();
  const value = header.slice(space + 1).trim();
  if (scheme === 'bearer' && credentials.token !== undefined) return sameSecret(value, credentials.token);
  if (scheme === 'basic' && credentials.basic !== undefined) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    // Both compared every time (no short-circuit), so timing says nothing about which one was wrong.
    const userOk = sameSecret(decoded.slice(0, colon), credentials.basic.user);
    const passwordOk = sameSecret(decoded.slice(colon + 1), credentials.basic.password);
    return userOk && passwordOk;
  }
  return false;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
