/**
 * Size caps on a signed delivery, checked on the raw bytes before anything is decoded or parsed.
 *
 * Xurrent's own iPaaS connector refuses JWTs over 8 KB (docs/xurrent-api.md#webhook-signing); real deliveries are ~1.3 KB
 * (test/fixtures/real-webhook-deliveries.json). The cap here is 64 KiB, eight times that: room for
 * a verbose envelope without letting a 256 KiB body reach a decoder.
 */
export const MAX_TOKEN_CHARS = 64 * 1_024;

/** `{"jwt":"…"}` around the token, with room for whitespace. */
export const MAX_SIGNED_BODY_BYTES = MAX_TOKEN_CHARS + 1_024;

/** JOSE header cap (a real one is ~40 characters: `{"typ":"JWT","alg":"RS256"}`). */
export const MAX_JOSE_HEADER_BYTES = 8 * 1_024;
export const MAX_JOSE_HEADER_CHARS = Math.ceil((MAX_JOSE_HEADER_BYTES * 4) / 3);

/** The payload is decoded for the key hint (its `sub`) only up to this size: beyond, keys are tried in order. */
export const MAX_HINT_PAYLOAD_CHARS = 8 * 1_024;
