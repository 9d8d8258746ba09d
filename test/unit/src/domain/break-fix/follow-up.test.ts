import { describe, expect, it } from 'vitest';
import { breakFixRequestAction, linkedStatusMarker, planLinkedFollowUp } from '../../../../../src/domain/break-fix/follow-up.js';

const request = (status: string, noteTexts: string[] = []) => ({ id: 'REQ1', status, noteTexts });

describe('planLinkedFollowUp', () => {
  it('notes a new status of the linked request once, and keeps following', () => {
    const plan = planLinkedFollowUp(request('waiting_for'), { label: '#7', status: 'in_progress' });
    expect(plan).toEqual({
      internalNote: `Xurrent's linked request #7 is now in progress.\n${linkedStatusMarker('REQ1', 'in_progress')}`,
      status: null,
      next: 'continue',
    });
    const again = planLinkedFollowUp(request('waiting_for', [plan.internalNote ?? '']), { label: '#7', status: 'in_progress' });
    expect(again).toEqual({ internalNote: null, status: null, next: 'continue' });
  });

  it('on completion notes it, sets the request back to assigned and stops; a repeat writes nothing', () => {
    const plan = planLinkedFollowUp(request('waiting_for'), { label: '#7', status: 'completed' });
    expect(plan.internalNote).toContain('Xurrent has completed its linked request #7. Please verify the fix with the customer');
    expect(plan).toMatchObject({ status: 'assigned', next: 'stop' });
    expect(planLinkedFollowUp(request('in_progress', [plan.internalNote ?? '']), { label: '#7', status: 'completed' })).toEqual({
      internalNote: null,
      status: null,
      next: 'stop',
    });
  });

  it('does not move a request that is already assigned', () => {
    expect(planLinkedFollowUp(request('assigned'), { label: '#7', status: 'completed' })).toMatchObject({ status: null, next: 'stop' });
  });

  it.each(['completed', 'declined', 'rejected'])('stops without writing once the customer request is %s', (status) => {
    expect(planLinkedFollowUp(request(status), { label: '#7', status: 'in_progress' })).toEqual({
      internalNote: null,
      status: null,
      next: 'stop',
    });
  });

  it('keeps following when the linked request cannot be read', () => {
    expect(planLinkedFollowUp(request('waiting_for'), null)).toEqual({ internalNote: null, status: null, next: 'continue' });
  });
});

describe('breakFixRequestAction', () => {
  const base = { mode: 'request' as const, escalated: true, request: request('waiting_for'), supplierRequestId: null };
  it.each([
    ['forward while no linked request is recorded', base, 'forward'],
    ['follow once it is recorded', { ...base, supplierRequestId: 'L1' }, 'follow'],
    ['nothing in supplier mode', { ...base, mode: 'supplier' as const }, 'none'],
    ['nothing when not escalated', { ...base, escalated: false }, 'none'],
    ['nothing for a closed request', { ...base, request: request('completed') }, 'none'],
    [
      'nothing once Xurrent completed it',
      { ...base, supplierRequestId: 'L1', request: request('assigned', [`done\n${linkedStatusMarker('REQ1', 'completed')}`]) },
      'none',
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(breakFixRequestAction(input)).toBe(expected);
  });
});
