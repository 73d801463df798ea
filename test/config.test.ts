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

  it('reads the subscription limits, the poll interval and where the migrations connect', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://proxy:6432/app',
      DATABASE_DIRECT_URL: 'postgres://primary:5432/app',
      MAX_SUBSCRIPTIONS: '50',
      MAX_SUBSCRIPTIONS_PER_CONNECTION: '5',
      MAX_QUEUED_EVENTS: '500',
      MEMBERSHIP_EVENTS_POLL_INTERVAL_MS: '20',
    });
    expect(config.databaseDirectUrl).toBe('postgres://primary:5432/app');
    expect(config.subscriptionLimits).toEqual({ perInstance: 50, perConnection: 5, queuedEvents: 500 });
    expect(config.membershipEventsPollIntervalMs).toBe(20);
    expect(readConfig({}).databaseDirectUrl).toBeUndefined();
    expect(readConfig({}).membershipEventsPollIntervalMs).toBe(50);
    // Its name from when live events used LISTEN, still honoured.
    expect(readConfig({ DATABASE_LISTEN_URL: 'postgres://old:5432/app' }).databaseDirectUrl).toBe(
      'postgres://old:5432/app',
    );
    expect(() => readConfig({ MEMBERSHIP_EVENTS_POLL_INTERVAL_MS: '0' })).toThrow(
      /MEMBERSHIP_EVENTS_POLL_INTERVAL_MS must be a positive integer/,
    );
    expect(() => readConfig({ MAX_SUBSCRIPTIONS: 'many' })).toThrow(
      /MAX_SUBSCRIPTIONS must be a non-negative integer/,
    );
  });

  it('reads the read replicas and how far behind one may be, 5 s by default; replicas need DATABASE_URL', () => {
    const config = readConfig({
      DATABASE_URL: 'postgres://primary:5432/app',
      DATABASE_REPLICA_URLS: ' postgres://replica-a:5432/app, postgres://replica-b:5432/app ,',
      DATABASE_REPLICA_MAX_LAG: '30s',
    });
    expect(config.databaseReplicaUrls).toEqual([
      'postgres://replica-a:5432/app',
      'postgres://replica-b:5432/app',
    ]);
    expect(config.databaseReplicaMaxLagSeconds).toBe(30);
    expect(readConfig({}).databaseReplicaUrls).toEqual([]);
    expect(readConfig({}).databaseReplicaMaxLagSeconds).toBe(5);
    expect(() => readConfig({ DATABASE_REPLICA_URLS: 'postgres://replica-a:5432/app' })).toThrow(
      /DATABASE_REPLICA_URLS needs DATABASE_URL/,
    );
    expect(() => readConfig({ DATABASE_REPLICA_MAX_LAG: 'a while' })).toThrow(
      /DATABASE_REPLICA_MAX_LAG must be a positive duration/,
    );
  });
});
