import { describe, expect, it } from 'vitest';
import { planCustomerEscalations, withCustomerEscalations } from '../../../../../src/domain/escalation/customer-escalation.js';
import type { AuthoredNote } from '../../../../../src/domain/notes/note-signals.js';

const ctx = { providerAccountId: 'ACC-PROVIDER', workerPersonIds: new Set(['P-WORKER']), requesterIds: new Set(['P-CUSTOMER']) };
const policy = { cues: ['escalate', 'escalatie', 'escaleren'], serviceSupportManagerId: 'P-SSM', ctoId: 'P-CTO', mode: 'watch' as const };
const customer = (createdAtMs: number, text: string): AuthoredNote => ({
  text,
  createdAtMs,
  internal: false,
  personId: 'P-CUSTOMER',
  accountId: 'ACC-CUSTOMER',
});
const agent = (createdAtMs: number, text: string): AuthoredNote => ({
  text,
  createdAtMs,
  internal: false,
  personId: 'P-AGENT',
  accountId: 'ACC-PROVIDER',
});
const description = customer(0, 'Mail is down. Please escalate if needed.');

describe('planCustomerEscalations (§2.8)', () => {
  it("escalates on a requester's cue note to the SSM, then the CTO, dated at the notes, naming the writer", () => {
    const notes = [
      description,
      customer(10, 'Nothing happens. I want to escalate this.'),
      agent(20, 'We escalate internally'),
      customer(30, 'Ik wil dit escaleren naar jullie CTO'),
      customer(40, 'escalatie!'),
    ];
    const plan = planCustomerEscalations('R1', notes, [], ctx, policy);
    expect(plan.records).toEqual([
      {
        key: 'customer:service_support_manager',
        level: 'service_support_manager',
        target: null,
        atMs: 10,
        reason: 'customer',
        personId: 'P-CUSTOMER',
      },
      { key: 'customer:cto', level: 'cto', target: null, atMs: 30, reason: 'customer', personId: 'P-CUSTOMER' },
    ]);
    expect(plan.watchers).toEqual(['P-SSM', 'P-CTO']);
    expect(plan.notes[0]).toContain('Customer escalation, first (Service Support Manager)');
    expect(plan.notes[1]).toContain('Customer escalation, second (CTO)');
  });

  it('never counts the description, the provider or a word that only starts with a cue', () => {
    const notes = [description, agent(10, 'escalate'), customer(20, 'it escalated quickly')];
    expect(planCustomerEscalations('R1', notes, [], ctx, policy).records).toEqual([]);
  });

  it('writes each note once (marker), but keeps deriving the records', () => {
    const notes = [description, customer(10, 'escalate please')];
    const first = planCustomerEscalations('R1', notes, [], ctx, policy);
    const again = planCustomerEscalations('R1', notes, first.notes, ctx, policy);
    expect(again.notes).toEqual([]);
    expect(again.watchers).toEqual([]);
    expect(again.records).toEqual(first.records);
  });

  it('keeps the breach ladder apart: an SSM breach escalation stays, the customer one is added beside it', () => {
    const breach = {
      key: 'resolution:service_support_manager',
      level: 'service_support_manager' as const,
      target: 'resolution' as const,
      atMs: 5,
      reason: 'breach' as const,
    };
    const derived = planCustomerEscalations('R1', [description, customer(10, 'escalate')], [], ctx, policy).records;
    expect(withCustomerEscalations([breach], derived).map((e) => `${e.reason}:${e.level}`)).toEqual([
      'breach:service_support_manager',
      'customer:service_support_manager',
    ]);
    // A rebuilt record (no writer) is replaced in place by the derived one.
    const rebuilt = { ...derived[0]!, atMs: 11, personId: null };
    expect(withCustomerEscalations([rebuilt, breach], derived)).toEqual([derived[0], breach]);
  });
});
