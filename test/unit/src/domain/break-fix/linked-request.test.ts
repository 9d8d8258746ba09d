import { describe, expect, it } from 'vitest';
import { LINKED_REQUEST_SOURCE, planLinkedRequest } from '../../../../../src/domain/break-fix/linked-request.js';

const incident = {
  id: 'REQ-NODE-1',
  requestId: '42',
  subject: 'Search returns nothing',
  category: 'incident',
  impact: 'high',
  notes: [
    { text: 'Since 09:00 every search in self-service returns nothing.', internal: false },
    { text: 'Support worker: incident registered …\n[xsw:start:REQ-NODE-1]', internal: true },
    { text: 'Reproduce: search "printer" as any end user.', internal: true },
  ],
};

describe('planLinkedRequest', () => {
  it('carries subject, impact, description and reproduction notes, and names the customer request for finding it again', () => {
    const { input, searchText } = planLinkedRequest(incident, { customerAccount: 'acme', serviceInstanceId: 'SI-XS' });
    expect(searchText).toBe('acme #42');
    expect(input).toMatchObject({
      subject: 'Search returns nothing [acme #42]',
      category: 'incident',
      impact: 'high',
      serviceInstanceId: 'SI-XS',
      source: LINKED_REQUEST_SOURCE,
      sourceID: 'request:acme:REQ-NODE-1',
    });
    expect(input.subject).toContain(searchText);
    expect(input.note).toContain('request #42 (incident on the Xurrent service, impact high)');
    expect(input.note).toContain('Description:\nSince 09:00 every search in self-service returns nothing.');
    expect(input.note).toContain('Reproduction notes:\n- Reproduce: search "printer" as any end user.');
    expect(input.note).not.toContain('[xsw:');
  });

  it('forwards a request for change without impact and falls back to the subject as description', () => {
    const { input } = planLinkedRequest(
      { ...incident, category: 'rfc', impact: null, notes: [] },
      { customerAccount: 'acme', serviceInstanceId: null },
    );
    expect(input.category).toBe('rfc');
    expect(input).not.toHaveProperty('impact');
    expect(input).not.toHaveProperty('serviceInstanceId');
    expect(input.note).toContain("request for change about Xurrent's standard functionality");
    expect(input.note).toContain('Description:\nSearch returns nothing');
    expect(input.note).toContain('- none recorded yet');
  });
});
