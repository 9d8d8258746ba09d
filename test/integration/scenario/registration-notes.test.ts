import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import type { WorkflowState } from '../../../src/domain/workflow/workflow-state.js';
import { runScenario } from '../../../src/scenario/run-scenario.js';
import { createLogCapture } from '../../helpers/log-capture.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const scenario = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8'));

/** Runs a scenario and returns, per request ref, the worker's notes as Xurrent holds them and its stored state. */
async function endState(name: string) {
  const seen = new Map<string, { notes: { text: string; internal: boolean }[]; status: string; state: WorkflowState }>();
  await runScenario(scenario(name), {
    redisUrl: TEST_REDIS_URL,
    logger: createLogCapture('warn').logger,
    inspect: async ({ sim, store, refs }) => {
      for (const [ref, id] of refs) {
        const record = sim.store.requests.get(id);
        if (!record) throw new Error(ref);
        const notes = record.noteIds.flatMap((noteId) => {
          const note = sim.store.notes.get(noteId);
          return note && note.personId === sim.demo.apiUserId ? [{ text: note.text, internal: note.internal }] : [];
        });
        seen.set(ref, { notes, status: record.status, state: await store.load(id) });
      }
    },
  });
  return seen;
}

// Three independent scenario runs (own simulator, prefix and clock each): side by side.
describe.concurrent('first-line registration as Xurrent sees it', () => {
  it('asks the requester in public, tells first line internally, and records the pause with its reason until the reply', async ({
    expect,
  }) => {
    const r1 = (await endState('registration-incomplete-resumes-on-note')).get('r1');
    const publicNotes = r1?.notes.filter((n) => !n.internal).map((n) => n.text) ?? [];
    expect(publicNotes).toHaveLength(1);
    expect(publicNotes[0]).toContain('- the steps to reproduce the problem');
    expect(
      r1?.notes
        .filter((n) => n.internal)
        .map((n) => n.text)
        .join('\n'),
    ).toContain('Registration incomplete: missing reproduction_steps.');
    expect(r1?.status).toBe('assigned');
    expect(r1?.state.registration?.pauses).toEqual([
      { reason: 'incomplete_request', fromMs: Date.parse('2026-03-25T09:00:00Z'), toMs: Date.parse('2026-03-25T15:00:00Z') },
    ]);
    expect(r1?.state.events.find((e) => e.kind === 'status-changed' && e.status === 'waiting_for_customer')).toMatchObject({
      reason: 'incomplete_request',
    });
  }, 30_000);

  it('writes to the requester in Dutch with SUPPORT_LOCALE=nl', async ({ expect }) => {
    const vaag = (await endState('registration-dutch-cues')).get('vaag');
    const ask = vaag?.notes.find((n) => !n.internal)?.text ?? '';
    expect(ask).toContain('Voordat we kunnen beginnen, hebben we nodig:');
    expect(ask).toContain('de stappen om het probleem te reproduceren');
    expect(vaag?.status).toBe('waiting_for_customer');
  }, 30_000);

  it('sends exactly one reminder', async ({ expect }) => {
    const r1 = (await endState('registration-reminder-once')).get('r1');
    const publicNotes = r1?.notes.filter((n) => !n.internal).map((n) => n.text) ?? [];
    expect(publicNotes).toHaveLength(2);
    expect(publicNotes[1]).toMatch(/^A reminder: we are still waiting/);
    expect(publicNotes[0]).toContain('(now 13 characters, at least 80 needed)');
    expect(r1?.state.registration?.remindedAtMs).toBe(Date.parse('2026-03-26T09:00:00Z'));
  }, 30_000);
});
