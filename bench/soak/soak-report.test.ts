import { SENDS_AT_ONCE } from '../../src/notify/outbox-worker.ts';
import { describe, expect, it } from 'vitest';
import type { SoakResult } from './soak-engine.ts';
import { soakFailures, soakReport, soakSection } from './soak-report.ts';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 8, node: 'v20', platform: 'linux', date: '2026-11-29' };

function result(overrides: Partial<SoakResult> = {}): SoakResult {
  return {
    engine: 'postgres',
    loadSeconds: 600,
    clients: 8,
    servers: 2,
    planned: [{ name: 'PostgreSQL restarted (pg_ctl restart -m fast)', at: 360, seconds: 0 }],
    faults: [{ name: 'PostgreSQL restarted (pg_ctl restart -m fast)', from: 360.2, to: 362 }],
    routes: [{ route: 'POST /api/v1/interviews (start)', statuses: new Map([['201', 900], ['503', 3]]), total: 903, p50Ms: 80, p99Ms: 900 }],
    missingRetryAfter: 0,
    serverErrorExamples: [],
    refusalExamples: [],
    loadAverage: [2, 2.5],
    unresolved: { booking: 0, offer: 0, cancel: 0, reschedule: 0, accept: 0, read: 0 },
    health: {
      outsideFaults: { samples: 1000, maxMs: 30, p99Ms: 12, notOk: 0 },
      duringFaults: { samples: 20, maxMs: 900, notOk: 2 },
      memory: [{ server: 0, pid: 10, lived: 600, startMiB: 200, middleMiB: 230, endMiB: 231, middleThirdPeakMiB: 240, lastThirdPeakMiB: 241, flat: true }],
      heap: [{ server: 0, pid: 10, thread: 1, threads: 1, fullGcs: 40, middleThirdMaxMiB: 61, lastThirdMaxMiB: 62, longestPauseMs: 21.5, flat: true }],
    },
    drain: { drained: true, seconds: 4, pendingDue: 0 },
    audit: {
      bookings: { booked: 900, overlaps: 0, withoutMessages: 0, messages: 2700 },
      acknowledged: 900,
      missing: [],
      wrongState: [],
      uncertain: 0,
      email: { sent: 2700, notReceived: [], receivedTwice: [], receivedNotMarkedSent: [], stuck: [], notYetDue: 40, withoutMessageIdHeader: 0 },
      stuckLeases: [],
      unfinishedIdempotencyKeys: 0,
    },
    serverProblems: [],
    repeats: [],
    ...overrides,
  };
}

describe('the soak report', () => {
  it('passes a clean run and writes its section with the figures', () => {
    expect(soakFailures(result())).toEqual([]);
    const section = soakSection([result()], machine);
    expect(section).toMatch(/^## Soak \(`npm run soak`\)/);
    expect(section).toContain('| acknowledged interviews present');
    expect(section).toContain('900 of 900 ✓');
    expect(section).toContain('**Audit passed.**');
  });

  it('fails on a message delivered twice, saying during which fault, on a 500, and on a 503 without Retry-After', () => {
    const failing = result({
      routes: [{ route: 'GET /api/v1/slots', statuses: new Map([['200', 10], ['500', 1], ['503', 1]]), total: 12, p50Ms: 5, p99Ms: 9 }],
      serverErrorExamples: ['GET /api/v1/slots → 500: {"code":"INTERNAL"}'],
      missingRetryAfter: 1,
      repeats: [{ messageId: 'm1@leeway', arrivals: [361, 421], fault: 'PostgreSQL restarted (pg_ctl restart -m fast)' }],
      audit: { ...result().audit, email: { ...result().audit.email, receivedTwice: ['m1@leeway'] } },
    });
    expect(soakFailures(failing)).toEqual([
      'PostgreSQL: 1 messages received more than once (1 first sent during "PostgreSQL restarted (pg_ctl restart -m fast)"), e.g. m1@leeway',
      'PostgreSQL: 1 answers of 5xx other than 503, e.g. GET /api/v1/slots → 500: {"code":"INTERNAL"}',
      'PostgreSQL: 1 answers of 503 or 429 without Retry-After',
    ]);
    expect(soakSection([failing], machine)).toContain('**Audit failed:**');
  });

  it('fails on an idempotency key left in progress: each request keeps its key with its change', () => {
    const unfinished = result({ audit: { ...result().audit, unfinishedIdempotencyKeys: 2 } });
    expect(soakFailures(unfinished)).toEqual(['PostgreSQL: 2 idempotency keys left in progress']);
  });

  it('reports but does not fail a message the SMTP server took as it went down and received again', () => {
    const repeated = result({
      repeats: [{ messageId: 'm2@leeway', arrivals: [91, 160], fault: 'SMTP server down' }],
      audit: { ...result().audit, email: { ...result().audit.email, receivedTwice: ['m2@leeway'] } },
    });
    expect(soakFailures(repeated)).toEqual([]);
    expect(soakReport(repeated)).toContain('| 1 (1) / 0 ✓');
  });

  it('reports but does not fail the few messages in flight when a server process was killed, and fails more than it could have had', () => {
    const killed = (count: number) => {
      const ids = Array.from({ length: count }, (_, index) => `k${index}@leeway`);
      return result({
        repeats: ids.map((messageId) => ({ messageId, arrivals: [210, 245], fault: 'server process SIGKILLed and restarted' })),
        audit: { ...result().audit, email: { ...result().audit.email, receivedTwice: ids } },
      });
    };
    expect(soakFailures(killed(SENDS_AT_ONCE))).toEqual([]);
    expect(soakReport(killed(SENDS_AT_ONCE))).toContain(`| ${SENDS_AT_ONCE} (${SENDS_AT_ONCE}) / 0 ✓`);
    expect(soakFailures(killed(SENDS_AT_ONCE + 1))).toEqual([
      `PostgreSQL: ${SENDS_AT_ONCE + 1} messages received more than once (${SENDS_AT_ONCE + 1} first sent during "server process SIGKILLed and restarted"), e.g. k0@leeway`,
    ]);
  });

  it('fails when an acknowledged interview is missing or a fault did not run', () => {
    const failing = result({
      faults: [{ name: 'PostgreSQL restarted (pg_ctl restart -m fast)', from: 360, to: 420, error: 'did not answer /healthz' }],
      audit: { ...result().audit, missing: ['i-1'] },
    });
    expect(soakFailures(failing)).toEqual([
      'PostgreSQL: the fault "PostgreSQL restarted (pg_ctl restart -m fast)" failed: did not answer /healthz',
      'PostgreSQL: 1 acknowledged interviews missing, e.g. i-1',
    ]);
  });
});
