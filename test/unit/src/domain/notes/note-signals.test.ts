import { describe, expect, it } from 'vitest';
import { noteAuthor, readNoteSignals, workerPersonIdsOf, type AuthoredNote } from '../../../../../src/domain/notes/note-signals.js';

const TAGS = { rootCause: ['#rootcause', '#hoofdoorzaak'], excuse: ['#excused', '#uitgesloten'], unexcuse: ['#unexcused'] };
const note = (over: Partial<AuthoredNote>): AuthoredNote => ({
  text: 'text',
  createdAtMs: 0,
  internal: false,
  personId: 'P-AGENT',
  accountId: 'provider',
  ...over,
});
const ctx = (notes: AuthoredNote[], providerAccountId: string | null = 'provider') => ({
  providerAccountId,
  workerPersonIds: workerPersonIdsOf(notes),
  requesterIds: new Set(['P-CUSTOMER']),
});

describe('noteAuthor', () => {
  const worker = note({ personId: 'P-API', text: 'Support worker: …\n[xsw:start:R1]' });
  const notes = [worker];

  it("tells the worker (its marked notes, and anything by its API user), the provider's people and the requester apart", () => {
    expect(noteAuthor(worker, ctx(notes))).toBe('worker');
    expect(noteAuthor(note({ personId: 'P-API', text: 'plain' }), ctx(notes))).toBe('worker');
    expect(noteAuthor(note({}), ctx(notes))).toBe('provider');
    expect(noteAuthor(note({ personId: 'P-CUSTOMER', accountId: 'customer' }), ctx(notes))).toBe('requester');
  });

  it("without account information, a person who is not a requester is the provider's", () => {
    expect(noteAuthor(note({ accountId: null }), ctx(notes, null))).toBe('provider');
    expect(noteAuthor(note({ personId: 'P-CUSTOMER', accountId: null }), ctx(notes, null))).toBe('requester');
  });
});

describe('readNoteSignals', () => {
  it("the response is the first public note of a provider person; internal notes and the requester's do not respond", () => {
    const notes = [
      note({ createdAtMs: 1, personId: 'P-CUSTOMER', accountId: 'customer' }),
      note({ createdAtMs: 2, internal: true }),
      note({ createdAtMs: 3 }),
    ];
    expect(readNoteSignals(notes, ctx(notes), TAGS).respondedAtMs).toBe(3);
  });

  it("the root cause is the first provider note with a tag, not the requester's; a negation does not cancel a tag (issue 17 point 3)", () => {
    const notes = [
      note({ createdAtMs: 1, personId: 'P-CUSTOMER', accountId: 'customer', text: '#rootcause is your server' }),
      note({ createdAtMs: 2, internal: true, text: 'no #rootcause yet' }),
      note({ createdAtMs: 3, internal: true, text: '#HoofdOorzaak: verlopen certificaat' }),
    ];
    expect(readNoteSignals(notes, ctx(notes), TAGS).rootCauseAtMs).toBe(2);
    expect(
      readNoteSignals(
        notes.filter((n) => n.createdAtMs !== 2),
        ctx(notes),
        TAGS,
      ).rootCauseAtMs,
    ).toBe(3);
  });

  it('the latest excuse with a reason stands; #unexcused withdraws it; a tag without a reason excuses nothing', () => {
    const excuse = note({ createdAtMs: 1, internal: true, text: '#excused: customer VPN down' });
    expect(readNoteSignals([excuse], ctx([excuse]), TAGS).excused).toEqual({ reason: 'customer VPN down', by: 'P-AGENT', at: 1 });
    const withdrawn = [excuse, note({ createdAtMs: 2, internal: true, text: '#unexcused our own gateway' })];
    expect(readNoteSignals(withdrawn, ctx(withdrawn), TAGS).excused).toBeNull();
    const again = [
      ...withdrawn,
      note({ createdAtMs: 3, personId: 'P-SSM', internal: true, text: '#uitgesloten internetstoring bij de klant' }),
    ];
    expect(readNoteSignals(again, ctx(again), TAGS).excused).toEqual({ reason: 'internetstoring bij de klant', by: 'P-SSM', at: 3 });
    const bare = [note({ createdAtMs: 4, internal: true, text: '#excused' })];
    expect(readNoteSignals(bare, ctx(bare), TAGS).excused).toBeNull();
  });
});
