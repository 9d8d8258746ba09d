import type { Missing } from './check-completeness.js';
import { renderMissingForRequester, type SupportLanguage } from './missing-message.js';

const REMINDER = {
  en: 'A reminder: we are still waiting for the information below before we can start on your request.',
  nl: 'Een herinnering: we wachten nog op de onderstaande informatie voordat we met uw verzoek kunnen beginnen.',
} as const;

/** The requester's note asking for what is missing (or, as a reminder, asking again), ending with its marker. */
export function renderAskNote(missing: readonly Missing[], language: SupportLanguage, marker: string, reminder = false): string {
  const body = renderMissingForRequester(missing, language);
  return [...(reminder ? [REMINDER[language]] : []), body, marker].join('\n');
}

/** First line's internal note: what is missing, and whether the SLA clock waits for the requester. */
export function renderIncompleteInternalNote(missing: readonly Missing[], paused: boolean, marker: string): string {
  return [
    `Registration incomplete: missing ${missing.map((m) => m.requirement).join(', ')}.`,
    paused
      ? 'The requester has been asked for it; the request waits for the customer (SLA clock paused, reason incomplete_request).'
      : 'The requester has been asked for it; the SLA clock keeps running (not paused for this request: COMPLETENESS_PAUSE / COMPLETENESS_PAUSE_PRIORITIES).',
    marker,
  ].join('\n');
}

/** First line's internal note once the registration became complete. */
export function renderCompletedInternalNote(resumed: boolean, marker: string): string {
  return [
    'Registration complete: the missing information has been supplied.',
    resumed ? 'The request is assigned again and the SLA clock runs again.' : 'The status was left as it is.',
    marker,
  ].join('\n');
}

/** First line's internal note when a raised priority (say Top) ends the worker's wait for the customer. */
export function renderResumedInternalNote(priority: string, marker: string): string {
  return [
    `Registration still incomplete, but the priority is now ${priority}, which is not paused for completeness (COMPLETENESS_PAUSE_PRIORITIES).`,
    "The request is assigned again and the SLA clock runs; the requester's answer is still awaited and completes the registration.",
    marker,
  ].join('\n');
}
