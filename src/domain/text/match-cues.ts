/**
 * The one matcher for every tag and cue list the contract settings carry (reproduction cues,
 * `ROOT_CAUSE_TAGS`, `EXCUSE_TAGS`, `XURRENT_ESCALATION_TAGS`, `RCA_REQUEST_CUES`, `RCA_REPORT_TAGS`,
 * `ESCALATION_CUES`): a cue matches as a whole word or phrase (no letter, digit or underscore right
 * before or after it), case-insensitively. There is no negation handling (issue 17 point 3): "no steps
 * to reproduce" holds the cue "steps to reproduce". A rule that guessed at negation would miss
 * "not sure, but: steps to reproduce …" and differ per language; agents and customers can read
 * the note the worker writes back. Pure; see docs/contract-reading.md "Cue matching".
 */

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

/** Every match of any cue in `text`, in text order. */
export function findCues(text: string, cues: readonly string[]): CueMatch[] {
  const matches: CueMatch[] = [];
  for (const cue of cues) {
    if (!cue.trim()) continue;
    for (const m of text.matchAll(patternOf(cue))) {
      matches.push({ cue, start: m.index, end: m.index + m[0].length });
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** True when `text` holds one of `cues` (whole word, any case). */
export function matchesCue(text: string, cues: readonly string[]): boolean {
  return findCues(text, cues).length > 0;
}

/** The text after the first matching cue up to the end of its line, trimmed (a tag's argument), or null without a match. */
export function textAfterCue(text: string, cues: readonly string[]): string | null {
  const first = findCues(text, cues)[0];
  if (!first) return null;
  return (text.slice(first.end).split('\n')[0] ?? '').replace(/^[\s:–-]+/, '').trim();
}
