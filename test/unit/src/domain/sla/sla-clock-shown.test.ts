import { describe, expect, it } from 'vitest';
import { clockAt, created, status } from '../../../../helpers/sla-clock-fixtures.js';

describe('what agents are shown', () => {
  const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString().slice(11, 16));

  it('shows the due instant at the stop for a target met early, and marks it stopped', () => {
    const clock = clockAt('10:00', [created('08:00'), status('08:40', 'accepted')]);
    expect(clock.response).toMatchObject({ state: 'met', stopped: true, dueAt: null });
    expect(iso(clock.response.shownDueAt)).toBe('09:00');
    expect(clock.resolution).toMatchObject({ stopped: false });
    expect(iso(clock.resolution.shownDueAt)).toBe('12:00');
  });

  it('shows the due instant as of the pause while waiting for the customer', () => {
    const clock = clockAt('11:00', [created('08:00'), status('08:30', 'waiting_for_customer')]);
    expect(clock.resolution).toMatchObject({ state: 'paused', stopped: false, dueAt: null });
    expect(iso(clock.resolution.shownDueAt)).toBe('12:00');
  });

  it('is not stopped while breached and still running', () => {
    const clock = clockAt('10:00', [created('08:00')]);
    expect(clock.response).toMatchObject({ state: 'breached', stopped: false });
    expect(iso(clock.response.shownDueAt)).toBe('09:00');
  });
});
