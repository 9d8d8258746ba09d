import type { ParseResult } from '../parse-result.js';
import { PRIORITIES, type Priority } from './sla-policy.js';

/** A comma-separated list of tags or cues (`#rootcause,#hoofdoorzaak`): at least one, none blank. */
export function parseTagList(text: string): ParseResult<string[]> {
  const tags = text.split(',').map((tag) => tag.trim());
  if (tags.some((tag) => tag === ''))
    return { ok: false, error: 'must be a comma-separated list of tags, none empty (e.g. #rootcause,#hoofdoorzaak)' };
  return { ok: true, value: tags };
}

const HOUR_MS = 3_600_000;

/** Business time as `<n>h` or `<n>m` (`0` turns the nudge off), in ms. */
export function parseBusinessDuration(text: string): ParseResult<number> {
  const match = /^\s*(\d+)\s*(h|m)?\s*$/.exec(text);
  if (!match || (match[2] === undefined && match[1] !== '0'))
    return { ok: false, error: 'must be business time as <n>h or <n>m (0: off), e.g. 2h' };
  const amount = Number(match[1]);
  return { ok: true, value: match[2] === 'm' ? amount * 60_000 : amount * HOUR_MS };
}

/** A comma-separated list of priorities (may be empty: none). */
export function parsePriorityList(text: string): ParseResult<Priority[]> {
  const items = text
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((p) => !(PRIORITIES as readonly string[]).includes(p));
  if (bad.length > 0) return { ok: false, error: `unknown priority ${bad.join(', ')}: use ${PRIORITIES.join(', ')}` };
  return { ok: true, value: [...new Set(items)] as Priority[] };
}
