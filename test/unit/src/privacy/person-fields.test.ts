import { describe, expect, it } from 'vitest';
import { namesPerson } from '../../../../src/privacy/person-fields.js';

describe('namesPerson', () => {
  it.each([
    ['person_id as a number', { person_id: 17 }],
    ['person_id as a string', { person_id: '17' }],
    ['personId deep in a list', { update: { newWatches: [{ personId: '17' }] } }],
    ['person_nodeID', { person_nodeID: '17' }],
    ['a person record', { person: { id: 17, name: 'x' } }],
    ['a requested_by record by nodeID', { requested_by: { nodeID: '17' } }],
    ['member_id', { member_id: 17 }],
    [
      "who excused an SLA record's breaches",
      { requestId: 'r1', target: 'resolution', excused: { reason: 'customer VPN down', by: '17', at: 1 } },
    ],
    ["who asked for an RCA in writing (a workflow state's rcaRequest, issue 17)", { rcaRequest: { atMs: 1, personId: '17' } }],
    [
      "who escalated as the customer (a workflow state's escalation record)",
      { escalations: [{ level: 'cto', reason: 'customer', personId: '17' }] },
    ],
  ])('finds %s', (_name, value) => expect(namesPerson(value, '17')).toBe(true));

  it.each([
    ['the id inside a timestamp', { timestamp: 1764_170_000_000, fireAtMs: 1717 }],
    ['the id inside another id', { requestNodeId: 'req-17', person_id: 170 }],
    ['the id in free text', { note: 'person 17 called', person_name: '17' }],
    ['another person', { person: { id: 18 } }],
    ['an id field that is not a person', { id: 17, request: { id: '17' } }],
    ['a stream id', ['1764170000017-17']],
    ['no data', null],
    ['text', 'person_id: 17'],
    ['an excuse by another person', { excused: { reason: 'by 17', by: '18', at: 17 } }],
  ])('ignores %s', (_name, value) => expect(namesPerson(value, '17')).toBe(false));
});
