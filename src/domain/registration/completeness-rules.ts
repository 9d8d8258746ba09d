/** The parts of a request first line can require before work starts. */
export const REQUIREMENTS = ['service_instance', 'impact', 'subject', 'description', 'reproduction_steps'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

export interface CategoryRule {
  requires: readonly Requirement[];
  /** Minimum length of the description (the request's first note), in characters. */
  minDescriptionLength: number;
}

export type CompletenessRules = Readonly<Partial<Record<string, CategoryRule>>>;

/** The contract's defaults: incidents must be reproducible, changes described, questions have a subject. */
export const DEFAULT_COMPLETENESS_RULES: CompletenessRules = {
  incident: { requires: ['service_instance', 'impact', 'description', 'reproduction_steps'], minDescriptionLength: 80 },
  rfc: { requires: ['service_instance', 'description'], minDescriptionLength: 1 },
  rfi: { requires: ['subject'], minDescriptionLength: 0 },
};

/** English and Dutch words that show a description explains how to reproduce the problem. */
export const DEFAULT_REPRODUCTION_CUES = [
  'steps',
  'step',
  'reproduce',
  'to reproduce',
  'stappen',
  'stap',
  'reproduceren',
  'reproductie',
] as const;

/**
 * Parses `COMPLETENESS_RULES`: categories separated by `;`, each
 * `<category>: <requirement>[,<requirement>…][ min=<n>]`, e.g.
 * `incident: service_instance,impact,description,reproduction_steps min=80; rfi: subject`.
 * Categories not named keep no rule (nothing is required); an empty value gives the defaults and
 * `none` turns the check off. Returns the rules or an error naming the bad part.
 */
export function parseCompletenessRules(text: string): { ok: true; value: CompletenessRules } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: DEFAULT_COMPLETENESS_RULES };
  if (text.trim() === 'none') return { ok: true, value: {} };
  const rules: Record<string, CategoryRule> = {};
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*:\s*([a-z_,\s]*?)(?:\s+min=(\d+))?$/.exec(part);
    if (!match) return { ok: false, error: `"${part}" must look like "<category>: <requirement>,… [min=<n>]"` };
    const requires = (match[2] as string)
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    const unknown = requires.find((r) => !(REQUIREMENTS as readonly string[]).includes(r));
    if (unknown) return { ok: false, error: `"${unknown}" is not one of ${REQUIREMENTS.join(', ')}` };
    rules[match[1] as string] = { requires: requires as Requirement[], minDescriptionLength: match[3] ? Number(match[3]) : 1 };
  }
  return { ok: true, value: rules };
}
