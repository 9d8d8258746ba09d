/**
 * Removes secrets from anything about to be logged or shown: values under secret-looking keys,
 * bearer tokens, JWTs, PEM blocks and credentials embedded in URLs, wherever they appear.
 */
const SECRET_KEY = /(pass(word)?|secret|token|authorization|api[-_]?key|private[-_]?key|public[-_]?key|cookie|jwt|credential)/i;
/**
 * Short names that hold a secret only as the whole key: `pat` (a personal access token), `code` (a
 * one-time webhook verify code, an OAuth code), `auth`. As substrings they would hide `path`,
 * `statusCode` or `author`.
 */
const EXACT_SECRET_KEY = /^(pat|code|auth|pass|pwd)$/i;
const REDACTED = '[REDACTED]';

/** Parameter and JSON key names whose value is a secret (same families as the object keys above). */
const SECRET_NAME = String.raw`(?:[\w-]*(?:secret|token|password|passwd|pwd|api[-_]?key|credential)|code|pat|auth|pass|authorization)`;

export const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g, REDACTED],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, REDACTED],
  // Any userinfo of a URL: `redis://:secret@`, `redis://user:secret@`, `rediss://…`; up to the last `@`
  // before the host, as URL parsers read it, so a password with an unencoded `@` goes too.
  [/\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/?#@"'<>]*@)+/gi, `$1${REDACTED}@`],
  // Query and form parameters: `?password=`, `&access_token=`, `?code=` (a one-time verify code), `pat=`.
  [new RegExp(String.raw`(^|[^\w-])(${SECRET_NAME})=[^&\s#"']+`, 'gi'), `$1$2=${REDACTED}`],
  // JSON held as text (a response body in an error message): `"access_token":"…"`, also when escaped.
  [new RegExp(String.raw`(\\?"${SECRET_NAME}\\?"\s*:\s*\\?")(?:[^"\\]|\\(?!"))+`, 'gi'), `$1${REDACTED}`],
];

/**
 * A literal every pattern above needs ("-----BEGIN", Bearer/Basic, "eyJ", "://", "=", `":`): a
 * string without one passes all patterns unchanged, so one scan replaces them all. Every log
 * line's strings come through here (ingest bench: redaction was half of a log line's cost).
 */
const MAY_HOLD_SECRET = /-----BEGIN|bearer|basic|eyJ|:\/\/|=|"\s*:/i;

export function redactString(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export function redactSecrets(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    return redactObject(value, seen);
  } finally {
    // Only cycles are cut: the same object reached twice along different paths is redacted twice.
    seen.delete(value);
  }
}

function redactObject(value: object, seen: WeakSet<object>): unknown {
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, seen));
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  const target = value as Record<string | symbol, unknown>;
  // winston keeps level/message under symbols too; copy them so formats further down still work.
  const out: Record<string | symbol, unknown> = {};
  for (const key of Object.getOwnPropertySymbols(target)) out[key] = redactSecrets(target[key], seen);
  for (const [key, inner] of Object.entries(target)) {
    out[key] = isSecretKey(key) && inner !== undefined && inner !== null && inner !== '' ? REDACTED : redactSecrets(inner, seen);
  }
  return out;
}

const isSecretKey = (key: string): boolean => SECRET_KEY.test(key) || EXACT_SECRET_KEY.test(key);
