import { describe, expect, it } from 'vitest';
import type { AuthoredNote } from '../../../../../src/domain/notes/note-signals.js';
import type { TicketFacts } from '../../../../../src/domain/notes/ticket-facts.js';
import { rcaPromisesOf } from '../../../../../src/domain/problems/rca-promises.js';
import { planCustomerRca, readRcaRequest } from '../../../../../src/domain/problems/rca-request.js';
import { namesPerson } from '../../../../../src/privacy/person-fields.js';

const ms = (iso: string) => Date.parse(iso);
const ctx = { providerAccountId: 'ACC-P', workerPersonIds: new Set<string>(), requesterIds: new Set(['P-C']) };
const cues = ['rca', 'root cause', 'hoofdoorzaak', 'oorzaakanalyse', 'oorzaak analyse'];
const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  kind: 'incident',
  priority: 'high',
  priorityReason: '',
  responseDueMs: ms('2026-06-04T08:00:00Z'),
  resolutionDueMs: ms('2026-06-05T08:00:00Z'),
  responseState: 'breached',
  resolutionState: 'running',
  flags: [],
  ...over,
});
const customer = (at: string, text: string): AuthoredNote => ({
  text,
  createdAtMs: ms(at),
  internal: false,
  personId: 'P-C',
  accountId: 'ACC-C',
});

describe('the customer RCA request (§3.3)', () => {
  it('is the first customer cue note at or after the breach', () => {
    const notes = [
      customer('2026-06-03T10:00:00Z', 'Is er een RCA?'),
      customer('2026-06-04T12:00:00Z', 'Graag een RCA-rapport'),
      { ...customer('2026-06-04T12:30:00Z', 'rca'), personId: 'P-A', accountId: 'ACC-P' },
    ];
    expect(readRcaRequest('R1', notes, [], facts(), ctx, cues)).toEqual({
      request: { atMs: ms('2026-06-04T12:00:00Z'), personId: 'P-C' },
      firstLineNote: null,
    });
  });

  it('without a breach gives first line a note, once, and no request', () => {
    const notes = [customer('2026-06-03T10:00:00Z', 'Kunnen jullie een root cause analyse doen?')];
    const first = readRcaRequest('R1', notes, [], facts({ responseState: 'met' }), ctx, cues);
    expect(first.request).toBeNull();
    expect(first.firstLineNote).toContain('no SLA target of this request was breached');
    expect(readRcaRequest('R1', notes, [first.firstLineNote ?? ''], facts({ responseState: 'met' }), ctx, cues).firstLineNote).toBeNull();
  });

  it('promises the report a month after the note, moves a later target, confirms in the locale', () => {
    const plan = planCustomerRca(
      'R1',
      { atMs: ms('2026-06-04T12:00:00Z'), personId: 'P-C' },
      { problem: { id: 'PB', label: '#7', analysisTargetAtMs: ms('2026-08-01T00:00:00Z'), noteTexts: [] } },
      {
        rcaDue: 'P1M',
        zone: 'Europe/Amsterdam',
        format: (m) => new Date(m ?? 0).toISOString(),
        locale: 'nl',
      },
    );
    expect(plan.promise).toEqual({ reason: 'customer_request', subject: 'R1', dueMs: ms('2026-07-04T12:00:00Z') });
    expect(plan.analysisTargetAt).toBe('2026-07-04T12:00:00.000Z');
    expect(rcaPromisesOf([plan.problemNote])).toEqual([plan.promise]);
    expect(plan.confirmation('#7')).toContain('Het RCA-rapport volgt uiterlijk 2026-07-04T12:00:00.000Z');
    expect(plan.alreadyPromised).toBe(false);
  });

  it('keeps who asked where privacy forget finds it', () => {
    expect(namesPerson({ rcaRequest: { atMs: 1, personId: '4242' } }, '4242')).toBe(true);
  });
});
