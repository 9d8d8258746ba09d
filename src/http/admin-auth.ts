import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AdminCredentials } from '../../schema/env/operations.js';

/** Whether any admin credential is configured; without one the admin surface is disabled, never open. */
export function adminEnabled(credentials: AdminCredentials): boolean {
  return credentials.token !== undefined || credentials.basic !== undefined;
}

/**
 * Accepts `Authorization: Bearer <ADMIN_TOKEN>` or `Basic base64(<ADMIN_USER>:<ADMIN_PASSWORD>)`.
 * Comparisons are constant-time over SHA-256 digests, so neither content nor length leaks.
 * Disabled (no credentials): 404 with a message naming the variables; wrong or missing: 401.
 */
export function createAdminAuth(credentials: AdminCredentials): RequestHandler {
  if (!adminEnabled(credentials)) {
    return (_req, res) => {
      res.status(404).json({ error: 'Admin endpoints are disabled: set ADMIN_TOKEN, or ADMIN_USER and ADMIN_PASSWORD, to enable them' });
    };
  }
  const challenges = adminChallenges(credentials);
  return (req, res, next) => {
    if (isAuthorised(req.headers.authorization, credentials)) return next();
    res.setHeader('WWW-Authenticate', challenges);
    res.status(401).json({ error: 'Authentication required' });
  };
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
