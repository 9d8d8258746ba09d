import { Packr } from 'msgpackr';

// Plain maps, no record extension: every value decodes on its own, without shared structures.
const packr = new Packr({ useRecords: false });
const JSON_OPEN_BRACE = 0x7b;

/**
 * Workflow state at rest as MessagePack: epoch instants take 9 bytes instead of 13 digits plus
 * punctuation, which keeps 100 000 open clocks within their memory budget.
 */
export function encodeState(state: unknown): Buffer {
  return packr.pack(state);
}

/** Reads MessagePack, or the JSON written before it; undefined when the bytes are neither. */
export function decodeState(raw: Buffer): unknown {
  try {
    return raw[0] === JSON_OPEN_BRACE ? JSON.parse(raw.toString('utf8')) : packr.unpack(raw);
  } catch {
    return undefined;
  }
}
