import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadConfig } from '../../../src/config.js';
import type { IncidentRow } from '../../../src/domain/problems/incident-row.js';
import { rcaConfirmedMarker } from '../../../src/domain/problems/rca-request.js';
import type { CountedXurrentClient } from '../../../src/xurrent/client.js';
import { handleCustomerRca } from '../../../workers/customer-rca.js';
import { createProblemPolicy } from '../../../workers/problem-policy.js';

/** A tiny Xurrent: one open problem P1 linked to request R1, the notes of both kept as texts. */
function fakeXurrent(options: { failAfterConfirmation?: boolean } = {}) {
  const requestNotes: string[] = [];
  const problemNotes: string[] = [];
  let failNext = options.failAfterConfirmation ?? false;
  const calls: CountedXurrentClient = {
    calls: () => 0,
    async request<T extends z.ZodType>(document: string, variables: object, schema: T): Promise<z.output<T>> {
      const vars = variables as { input?: { note?: string } };
      let data: unknown;
      if (document.includes('ProblemFollowUpById')) {
        data = {
          node: {
            id: 'P1',
            problemId: '7',
            status: 'assigned',
            analysisTargetAt: null,
            notes: { nodes: problemNotes.map((text) => ({ text, createdAt: null })) },
            requests: { nodes: [{ id: 'R1' }] },
          },
        };
      } else if (document.includes('ProblemIncidentNotes')) {
        data = { node: { id: 'R1', notes: { nodes: requestNotes.map((text) => ({ text })) } } };
      } else if (document.includes('problemUpdate')) {
        if (vars.input?.note) problemNotes.push(vars.input.note);
        data = { problemUpdate: { errors: [], problem: { id: 'P1' } } };
      } else if (document.includes('requestUpdate')) {
        if (vars.input?.note) requestNotes.push(vars.input.note);
        if (failNext) {
          failNext = false;
          throw new Error('connection reset after the note was written');
        }
        data = { requestUpdate: { errors: [], request: { id: 'R1' } } };
      } else throw new Error(`unexpected document: ${document.slice(0, 80)}`);
      return schema.parse(data);
    },
  };
  return { calls, requestNotes, problemNotes };
}

const incident: IncidentRow = {
  id: 'R1',
  label: '#1',
  subject: 'Mail down',
  category: 'incident',
  impact: 'high',
  createdAtMs: Date.parse('2026-06-01T08:00:00Z'),
  teamId: null,
  problemId: 'P1',
  serviceInstanceId: 'SI-1',
  serviceInstanceName: 'E-mail',
  serviceId: 'S-1',
};
const rcaRequest = { atMs: Date.parse('2026-06-04T12:00:00Z'), personId: 'P-C' };
const deps = () => ({ policy: createProblemPolicy(loadConfig({})), rcaTimers: { schedule: async () => undefined } });
const confirmations = (notes: string[]) => notes.filter((t) => t.includes(rcaConfirmedMarker('R1')));

describe('the customer RCA confirmation (§3.3), written once', () => {
  it('a second run (another problem-check job) writes neither the promise nor the confirmation again', async () => {
    const x = fakeXurrent();
    await handleCustomerRca(x.calls, incident, rcaRequest, 'service_instance:SI-1', deps());
    await handleCustomerRca(x.calls, incident, rcaRequest, 'service_instance:SI-1', deps());
    expect(confirmations(x.requestNotes)).toHaveLength(1);
    expect(x.problemNotes).toHaveLength(1);
  });

  it('a retry after a failure that followed the note does not write it twice', async () => {
    const x = fakeXurrent({ failAfterConfirmation: true });
    await expect(handleCustomerRca(x.calls, incident, rcaRequest, 'service_instance:SI-1', deps())).rejects.toThrow('connection reset');
    await handleCustomerRca(x.calls, incident, rcaRequest, 'service_instance:SI-1', deps());
    expect(confirmations(x.requestNotes)).toHaveLength(1);
  });
});
