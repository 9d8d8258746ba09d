import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../../src/domain/calendar/business-calendar.js';
import { parseSupportHours } from '../../../../../src/domain/calendar/parse-support-hours.js';
import { createInstantFormatter, noteMarker } from '../../../../../src/domain/notes/render-notes.js';
import { responseAndResolutionOf } from '../../../../../src/domain/problems/incident-timeline.js';
import {
  formatBusinessDuration,
  renderLinkNote,
  renderProblemSubject,
  renderRcaNote,
} from '../../../../../src/domain/problems/render-problem.js';

const at = (iso: string) => Date.parse(iso);

describe('responseAndResolutionOf', () => {
  it.each([
    ['nothing yet', [], null, null],
    [
      'responded by in_progress, resolved',
      [
        ['in_progress', '2026-03-02T09:10:00Z'],
        ['completed', '2026-03-02T11:00:00Z'],
      ],
      '2026-03-02T09:10:00Z',
      '2026-03-02T11:00:00Z',
    ],
    ['assigned does not respond', [['assigned', '2026-03-02T09:05:00Z']], null, null],
    [
      'reopened: not resolved',
      [
        ['completed', '2026-03-02T10:00:00Z'],
        ['in_progress', '2026-03-02T12:00:00Z'],
      ],
      '2026-03-02T10:00:00Z',
      null,
    ],
  ] as const)('%s', (_case, changes, responded, resolved) => {
    const events = changes.map(([status, iso]) => ({ kind: 'status-changed' as const, status, at: at(iso) }));
    expect(responseAndResolutionOf([{ kind: 'created', at: at('2026-03-02T09:00:00Z'), priority: 'high' }, ...events])).toEqual({
      respondedAtMs: responded && at(responded),
      resolvedAtMs: resolved && at(resolved),
    });
  });
});

describe('problem texts', () => {
  it.each([
    ['repeated_incidents', 'Mail', '#12', 'Repeated incidents on Mail: root-cause analysis'],
    ['top_incident', 'CRM', '#3', 'Top incident on CRM: root-cause analysis'],
    ['top_incident', null, '#3', 'Top incident on incident #3: root-cause analysis'],
  ] as const)('subject for %s on %s', (reason, group, label, subject) => {
    expect(renderProblemSubject(reason, group, label)).toBe(subject);
  });

  it.each([
    [0, '0m business'],
    [45 * 60_000, '45m business'],
    [9 * 3_600_000 + 5 * 60_000, '9h 5m business'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatBusinessDuration(ms)).toBe(text);
  });

  it('renders the RCA skeleton with business-time durations across a weekend', () => {
    const hours = parseSupportHours('Mon-Fri 08:30-17:30');
    if (!hours.ok) throw new Error(hours.error);
    const calendar = createBusinessCalendar({ zone: 'Europe/Amsterdam', weekly: hours.value, holidays: { dates: [], regions: [] } });
    const note = renderRcaNote({
      reason: 'repeated_incidents',
      why: '2 production-disrupting incidents in one group',
      groupName: 'Mail',
      rcaDueMs: at('2026-04-27T14:00:00Z'),
      incidents: [
        {
          label: '#7',
          subject: 'Mail down',
          registeredAtMs: at('2026-03-27T15:00:00Z'), // Friday 16:00 local
          respondedAtMs: at('2026-03-30T07:00:00Z'), // Monday 09:00 local: 1h30 on Friday + 30m on Monday
          resolvedAtMs: null,
          escalations: [{ level: 'service_support_manager', target: 'response', atMs: at('2026-03-30T07:00:00Z') }],
        },
      ],
      businessMillisBetween: (fromMs, toMs) => calendar.businessMillisBetween(fromMs, toMs),
      format: createInstantFormatter('Europe/Amsterdam', 'en'),
      marker: noteMarker('problem', 'service_instance:SI1'),
    });
    expect(note).toContain('problem opened (repeated_incidents) — 2 production-disrupting incidents in one group on Mail.');
    expect(note).toContain('Root-cause analysis due: Mon 27 Apr 2026, 16:00 (Europe/Amsterdam).');
    expect(note).toContain('  Responded: Mon 30 Mar 2026, 09:00 (Europe/Amsterdam) (+2h 0m business)');
    expect(note).toContain('  Resolved: not yet');
    expect(note).toContain('  Escalated (service support manager, response): Mon 30 Mar 2026, 09:00 (Europe/Amsterdam) (+2h 0m business)');
    expect(note).toContain('1. What is the root cause');
    expect(note).toContain('RCA report: add it to this problem as a note containing #rca');
    expect(note.endsWith('[xsw:problem:service_instance:SI1]')).toBe(true);
  });

  it('renders a link note', () => {
    expect(renderLinkNote(['#8', '#9'], 'the group already has an open problem', '[xsw:link:R8]')).toBe(
      'Support worker: linked incident #8, incident #9 — the group already has an open problem.\n[xsw:link:R8]',
    );
  });
});
