import { describe, expect, it } from 'vitest';
import {
  createInstantFormatter,
  hasMarker,
  noteMarker,
  renderChangeNote,
  renderStartNote,
} from '../../../../../src/domain/notes/render-notes.js';
import { diffTicketFacts, type TicketFacts } from '../../../../../src/domain/notes/ticket-facts.js';

const format = createInstantFormatter('Europe/Amsterdam', 'en');
const incident: TicketFacts = {
  kind: 'incident',
  priority: 'top',
  priorityReason: 'impact top (service down for several users)',
  responseDueMs: Date.parse('2026-03-27T16:00:00Z'),
  resolutionDueMs: Date.parse('2026-03-30T09:00:00Z'),
  responseState: 'running',
  resolutionState: 'running',
  flags: [],
};

describe('ticket notes', () => {
  it('formats instants in the support zone, summer and winter alike', () => {
    expect(format(Date.parse('2026-03-27T16:00:00Z'))).toBe('Fri 27 Mar 2026, 17:00 (Europe/Amsterdam)');
    expect(format(Date.parse('2026-03-30T09:00:00Z'))).toBe('Mon 30 Mar 2026, 11:00 (Europe/Amsterdam)');
    expect(format(null)).toBe('none');
    expect(createInstantFormatter('Europe/Amsterdam', 'nl')(Date.parse('2026-03-27T16:00:00Z'))).toMatch(/^vr 27 mrt 2026, 17:00/);
  });

  it('formats each instant the same however often it is asked, also past the size of its memory', () => {
    const remembering = createInstantFormatter('Europe/Amsterdam', 'en');
    const summer = Date.parse('2026-07-01T10:00:00Z');
    const winter = Date.parse('2026-12-01T10:00:00Z');
    expect([remembering(summer), remembering(summer), remembering(winter)]).toEqual([
      'Wed 1 Jul 2026, 12:00 (Europe/Amsterdam)',
      'Wed 1 Jul 2026, 12:00 (Europe/Amsterdam)',
      'Tue 1 Dec 2026, 11:00 (Europe/Amsterdam)',
    ]);
    for (let i = 0; i < 10_050; i += 1) remembering(summer + i * 60_000);
    expect(remembering(winter)).toBe('Tue 1 Dec 2026, 11:00 (Europe/Amsterdam)');
    expect(remembering(summer + 10_049 * 60_000)).toBe(format(summer + 10_049 * 60_000));
  });

  it('writes a start note with priority, reason, both due instants and the marker', () => {
    const note = renderStartNote(incident, format, noteMarker('start', 'r1'));
    expect(note).toContain('Priority: Top — impact top (service down for several users).');
    expect(note).toContain('Response due: Fri 27 Mar 2026, 17:00 (Europe/Amsterdam).');
    expect(note).toContain('Resolution due: Mon 30 Mar 2026, 11:00 (Europe/Amsterdam).');
    expect(hasMarker([note], noteMarker('start', 'r1'))).toBe(true);
    expect(hasMarker([note], noteMarker('start', 'r2'))).toBe(false);
  });

  it('says a request for information has no SLA, and shows flags', () => {
    const rfi = renderStartNote(
      { ...incident, kind: 'rfi', priority: null, priorityReason: 'request for information: no priority and no SLA' },
      format,
      '[m]',
    );
    expect(rfi).toContain('request for information (no priority, no SLA)');
    expect(rfi).not.toContain('due');
    const rfc = renderStartNote(
      { ...incident, kind: 'rfc', priority: null, priorityReason: 'x', flags: ['outside_standard_support', 'forwarded_to_xurrent'] },
      format,
      '[m]',
    );
    expect(rfc).toContain('Flags: outside_standard_support, forwarded_to_xurrent.');
  });

  it('lists only what changed', () => {
    const after: TicketFacts = { ...incident, priority: 'high', resolutionDueMs: Date.parse('2026-04-01T09:00:00Z'), responseState: 'met' };
    const changes = diffTicketFacts(incident, after, format);
    expect(changes.map((c) => c.field)).toEqual(['priority', 'resolutionDue', 'responseState']);
    const note = renderChangeNote(changes, '[m]');
    expect(note).toContain('Priority: top → high.');
    expect(note).toContain('Response target: running → met.');
    expect(diffTicketFacts(incident, { ...incident }, format)).toEqual([]);
  });
});
