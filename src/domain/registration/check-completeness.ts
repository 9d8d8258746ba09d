import { matchesCue } from '../text/match-cues.js';
import type { CompletenessRules, Requirement } from './completeness-rules.js';

export interface RegistrationFacts {
  category: string | null;
  subject: string | null;
  impact: string | null;
  serviceInstanceId: string | null;
  /** The request's first note, which Xurrent uses as its description. */
  description: string | null;
}

export interface Missing {
  requirement: Requirement;
  /** For a too short description: how many characters it has and needs. */
  length?: { actual: number; required: number };
}

/**
 * What a request still lacks under its category's rule; empty when it is complete (or its
 * category has no rule). A description counts only from `minDescriptionLength` characters;
 * reproduction steps are present when the description holds one of `cues` as a word, or a
 * numbered list of at least two items.
 */
export function findMissing(facts: RegistrationFacts, rules: CompletenessRules, cues: readonly string[]): Missing[] {
  const rule = facts.category ? rules[facts.category] : undefined;
  if (!rule) return [];
  const description = (facts.description ?? '').trim();
  const missing: Missing[] = [];
  for (const requirement of rule.requires) {
    switch (requirement) {
      case 'service_instance':
        if (!facts.serviceInstanceId) missing.push({ requirement });
        break;
      case 'impact':
        if (!facts.impact) missing.push({ requirement });
        break;
      case 'subject':
        if (!facts.subject?.trim()) missing.push({ requirement });
        break;
      case 'description':
        if (description.length < Math.max(1, rule.minDescriptionLength)) {
          missing.push({ requirement, length: { actual: description.length, required: Math.max(1, rule.minDescriptionLength) } });
        }
        break;
      case 'reproduction_steps':
        if (!describesReproduction(description, cues)) missing.push({ requirement });
        break;
    }
  }
  return missing;
}

/** True when the text names a reproduction cue (see match-cues: whole words, any case, not negated), or lists numbered steps (1. … 2. …). */
export function describesReproduction(text: string, cues: readonly string[]): boolean {
  const hasCue = matchesCue(text, cues);
  const numbered = (text.match(/^\s*\d+[.)]\s+\S/gm) ?? []).length >= 2;
  return hasCue || numbered;
}
