import { DateTime } from 'luxon';
import type { FactChange, FormatInstant, TicketFacts } from './ticket-facts.js';

/**
 * Every note the worker writes ends with a marker line, so a later run finds its own notes in
 * Xurrent and never writes the same one twice, even after Redis was lost.
 */
export const NOTE_MARKER_PREFIX = 'xsw:';

export function noteMarker(kind: string, key: string): string {
  return `[${NOTE_MARKER_PREFIX}${kind}:${key}]`;
}

export function hasMarker(noteTexts: readonly string[], marker: string): boolean {
  return noteTexts.some((text) => text.includes(marker));
}

/** More distinct instants than this start the formatter's memory afresh. */
const MAX_REMEMBERED_INSTANTS = 10_000;

/**
 * Instants in the support zone's local time and the configured locale, e.g. "Fri 27 Mar 2026, 17:00
 * (Europe/Amsterdam)". Remembers what it formatted: every reconcile compares a request's due
 * instants, which seldom change, and a luxon zone conversion costs more than the rest of the rules.
 */
export function createInstantFormatter(zone: string, locale: string): FormatInstant {
  const formatted = new Map<number, string>();
  return (epochMs) => {
    if (epochMs === null) return 'none';
    const known = formatted.get(epochMs);
    if (known !== undefined) return known;
    const local = DateTime.fromMillis(epochMs, { zone }).setLocale(locale);
    const text = `${local.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
    if (formatted.size >= MAX_REMEMBERED_INSTANTS) formatted.clear();
    formatted.set(epochMs, text);
    return text;
  };
}

const FIELD_LABELS: Record<FactChange['field'], string> = {
  priority: 'Priority',
  responseDue: 'Response due',
  resolutionDue: 'Resolution due',
  responseState: 'Response target',
  resolutionState: 'Resolution target',
  flags: 'Flags',
};

/** The first note on a request: how it was classified and, for an incident, when it is due. */
export function renderStartNote(
  facts: TicketFacts,
  format: FormatInstant,
  marker: string,
  options: { rootCauseTags?: readonly string[] } = {},
): string {
  const lines = [`Support worker: ${describeKind(facts)}.`];
  if (facts.kind === 'incident') {
    lines.push(`Priority: ${facts.priority ? capitalise(facts.priority) : 'not set yet'} — ${facts.priorityReason}.`);
    if (facts.flags.includes('outside_sla')) {
      lines.push('Outside the section 3 SLA (it applies to the IV Integratiedienst only): no response or resolution targets.');
    } else if (facts.priority) {
      lines.push(`Response due: ${format(facts.responseDueMs)}.`, `Resolution due: ${format(facts.resolutionDueMs)}.`);
      lines.push('SLA clocks run in support hours only and stop while waiting for the customer.');
      if (options.rootCauseTags) {
        lines.push(
          `The resolution clock starts once the root cause is determined: record it with a note holding ${options.rootCauseTags.join(' or ')} and the cause, or set the linked problem to analyzed.`,
        );
      }
    }
  } else {
    lines.push(`${capitalise(facts.priorityReason)}.`);
  }
  if (facts.flags.length > 0) lines.push(`Flags: ${facts.flags.join(', ')}.`);
  lines.push(marker);
  return lines.join('\n');
}

/** A short note listing only what changed since the last note. */
export function renderChangeNote(changes: readonly FactChange[], marker: string): string {
  const lines = ['Support worker: SLA facts changed.'];
  for (const change of changes) lines.push(`${FIELD_LABELS[change.field]}: ${change.from} → ${change.to}.`);
  lines.push(marker);
  return lines.join('\n');
}

function describeKind(facts: TicketFacts): string {
  switch (facts.kind) {
    case 'incident':
      return 'incident registered under the support contract';
    case 'rfi':
      return 'request for information (no priority, no SLA)';
    case 'rfc':
      return 'request for change, outside standard support';
    default:
      return 'request outside the support contract';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
