/**
 * The one matcher for every tag and cue list the contract settings carry (reproduction cues,
 * `ROOT_CAUSE_TAGS`, `EXCUSE_TAGS`): a cue matches as a whole word or phrase (no letter or digit
 * right before or after it), case-insensitively, and not when negated: a negation word among the
 * three words before it in the same sentence ("no steps to reproduce", "geen #rootcause") cancels it.
 * Pure; see docs/contract-reading.md "Cue matching".
 */

/** Words that negate a cue right after them (English and Dutch, the support languages). */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'never', 'none', 'geen', 'niet', 'zonder', 'nooit']);
const WORDS_BEFORE = 3;

export interface CueMatch {
  /** The cue as configured. */
  cue: string;
  /** Where the match starts and ends in the text. */
  start: number;
  end: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new Map<string, RegExp>();

function patternOf(cue: string): RegExp {
  let pattern = compiled.get(cue);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escape(cue.trim())}(?![\\p{L}\\p{N}_])`, 'giu');
    compiled.set(cue, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function negated(text: string, start: number): boolean {
  const sentence = text.slice(0, start).split(/[.!?;:\n]/).at(-1) ?? '';
  const words = sentence.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean).slice(-WORDS_BEFORE);
  return words.some((word) => NEGATIONS.has(word));
}

/** Every non-negated match of any cue in `text`, in text order. */
export function findCues(text: string, cues: readonly string[]): CueMatch[] {
  const matches: CueMatch[] = [];
  for (const cue of cues) {
    if (!cue.trim()) continue;
    for (const m of text.matchAll(patternOf(cue))) {
      if (!negated(text, m.index)) matches.push({ cue, start: m.index, end: m.index + m[0].length });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when `text` holds one of `cues` (whole word, any case, not negated). */
export function matchesCue(text: string, cues: readonly string[]): boolean {
  return findCues(text, cues).length > 0;
}

/** The text after the first matching cue up to the end of its line, trimmed (a tag's argument), or null without a match. */
export function textAfterCue(text: string, cues: readonly string[]): string | null {
  const first = findCues(text, cues)[0];
  if (!first) return null;
  return (text.slice(first.end).split('\n')[0] ?? '').replace(/^[\s:–-]+/, '').trim();
}
