import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isKnownEvent, isProblemEvent, isRequestEvent, REQUEST_EVENTS, XURRENT_WEBHOOK_EVENTS } from '../../../schema/webhook-events.js';

describe('Xurrent webhook events', () => {
  it('lists all 83 names of the GraphQL WebhookEvent enum, once each', () => {
    expect(XURRENT_WEBHOOK_EVENTS).toHaveLength(83);
    expect(new Set(XURRENT_WEBHOOK_EVENTS).size).toBe(83);
  });

  it("matches the WebhookEvent enum of Xurrent's schema subset (test/fixtures/xurrent-schema-subset.json)", () => {
    const subset = JSON.parse(readFileSync(new URL('../../fixtures/xurrent-schema-subset.json', import.meta.url), 'utf8')) as {
      enums: { WebhookEvent: { values: string[] } };
    };
    expect([...XURRENT_WEBHOOK_EVENTS].sort()).toEqual([...subset.enums.WebhookEvent.values].sort());
  });

  it('classifies events', () => {
    expect(REQUEST_EVENTS.every(isRequestEvent)).toBe(true);
    expect(isRequestEvent('request.agile-board-column-changed')).toBe(false);
    expect(isProblemEvent('problem.manager-changed')).toBe(true);
    expect(isProblemEvent('problem.deleted')).toBe(false);
    expect(isKnownEvent('request.completed')).toBe(false);
    expect(isKnownEvent('project_task.delete')).toBe(true);
  });
});
