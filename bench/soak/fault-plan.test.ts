import { describe, expect, it } from 'vitest';
import { planFaults, runFaults } from './fault-plan.ts';

describe('planFaults', () => {
  it('spreads the faults over ten minutes on PostgreSQL, the SMTP outage lasting a minute', () => {
    expect(planFaults(600, 'postgres')).toEqual([
      { name: 'SMTP server down', at: 90, seconds: 60 },
      { name: 'server process SIGKILLed and restarted', at: 210, seconds: 0 },
      { name: 'PostgreSQL restarted (pg_ctl restart -m fast)', at: 360, seconds: 0 },
    ]);
  });

  it('scales the outage to a short run and has no database restart on PGlite', () => {
    expect(planFaults(60, 'pglite')).toEqual([
      { name: 'SMTP server down', at: 9, seconds: 9 },
      { name: 'server process SIGKILLed and restarted', at: 21, seconds: 0 },
    ]);
  });
});

describe('runFaults', () => {
  it('runs each fault at its time, undoes a lasting one, and records a failing one with its error', async () => {
    const events: string[] = [];
    const startedAt = Date.now();
    const windows = await runFaults(
      [
        { name: 'SMTP server down', at: 0, seconds: 0.2 },
        { name: 'server process SIGKILLed and restarted', at: 0.3, seconds: 0 },
      ],
      {
        'SMTP server down': { begin: async () => void events.push('down'), end: async () => void events.push('up') },
        'server process SIGKILLed and restarted': {
          begin: async () => {
            throw new Error('did not come back');
          },
        },
      },
      startedAt,
      () => undefined,
    );
    expect(events).toEqual(['down', 'up']);
    expect(windows[0]!.to - windows[0]!.from).toBeGreaterThanOrEqual(0.18);
    expect(windows[1]).toMatchObject({ name: 'server process SIGKILLed and restarted', error: 'did not come back' });
    expect(windows[1]!.from).toBeGreaterThanOrEqual(0.28);
  });
});
