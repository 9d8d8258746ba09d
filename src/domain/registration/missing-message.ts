import type { Missing } from './check-completeness.js';
import type { Requirement } from './completeness-rules.js';

export type SupportLanguage = 'en' | 'nl';

const LABELS: Record<SupportLanguage, Record<Requirement, string>> = {
  en: {
    service_instance: 'the service (instance) that is affected',
    impact: 'the impact: how many users are affected and whether the service is down or degraded',
    subject: 'a subject that summarises your question',
    description: 'a description of the problem',
    reproduction_steps: 'the steps to reproduce the problem (for example a numbered list of what you did and what happened)',
  },
  nl: {
    service_instance: 'de dienst (service instance) waar het om gaat',
    impact: 'de impact: hoeveel gebruikers geraakt zijn en of de dienst niet werkt of verminderd werkt',
    subject: 'een onderwerp dat uw vraag samenvat',
    description: 'een beschrijving van het probleem',
    reproduction_steps: 'de stappen om het probleem te reproduceren (bijvoorbeeld een genummerde lijst van wat u deed en wat er gebeurde)',
  },
};

const TEXT = {
  en: {
    intro: 'Thank you for your request. Before we can start, we need:',
    length: (actual: number, required: number) => ` (now ${actual} characters, at least ${required} needed)`,
    outro: 'Please add this information as a note on this request; we continue as soon as it is complete.',
  },
  nl: {
    intro: 'Dank voor uw verzoek. Voordat we kunnen beginnen, hebben we nodig:',
    length: (actual: number, required: number) => ` (nu ${actual} tekens, minstens ${required} nodig)`,
    outro: 'Voeg deze informatie toe als notitie bij dit verzoek; we gaan verder zodra het compleet is.',
  },
} as const;

/** The public note to the requester listing exactly what is missing, in the support language. */
export function renderMissingForRequester(missing: readonly Missing[], language: SupportLanguage): string {
  const text = TEXT[language];
  const items = missing.map(
    (m) => `- ${LABELS[language][m.requirement]}${m.length ? text.length(m.length.actual, m.length.required) : ''}`,
  );
  return [text.intro, ...items, text.outro].join('\n');
}
