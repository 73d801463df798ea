import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/http/config.ts';

describe('configuration from the environment', () => {
  it('reads the event retention as seconds or with a unit, 24 hours by default', () => {
    const retention = (value?: string) =>
      readConfig(value === undefined ? {} : { MEMBERSHIP_EVENTS_RETENTION: value })
        .membershipEventsRetentionSeconds;
    expect(retention()).toBe(86_400);
    expect(retention('3600')).toBe(3_600);
    expect(retention('90s')).toBe(90);
    expect(retention('30m')).toBe(1_800);
    expect(retention('24h')).toBe(86_400);
    expect(retention('7d')).toBe(604_800);
    for (const bad of ['0', 'soon', '-5m', '1.5h', '10w']) {
      expect(() => retention(bad)).toThrow(/MEMBERSHIP_EVENTS_RETENTION must be a positive duration/);
    }
  });

  it('reads the subscription limits and where LISTEN connects', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://proxy:6432/app',
      DATABASE_LISTEN_URL: 'postgres://primary:5432/app',
      MAX_SUBSCRIPTIONS: '50',
      MAX_SUBSCRIPTIONS_PER_CONNECTION: '5',
      MAX_QUEUED_EVENTS: '500',
    });
    expect(config.databaseListenUrl).toBe('postgres://primary:5432/app');
    expect(config.subscriptionLimits).toEqual({ perInstance: 50, perConnection: 5, queuedEvents: 500 });
    expect(readConfig({}).databaseListenUrl).toBeUndefined();
    expect(() => readConfig({ MAX_SUBSCRIPTIONS: 'many' })).toThrow(
      /MAX_SUBSCRIPTIONS must be a non-negative integer/,
    );
  });
});
