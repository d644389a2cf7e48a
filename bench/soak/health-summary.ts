import type { FaultWindow } from './fault-plan.ts';
import type { ServerSample } from './server-monitor.ts';

/** Seconds after a fault ended during which the servers are still recovering and not held to the goal. */
export const SETTLE_SECONDS = 5;
export const HEALTHZ_GOAL_MS = 50;
/** Flat memory: the last third's peak at most this much above the middle third's. */
export const RSS_GROWTH_ALLOWED = 0.1;
/** A process must have lived this share of the load for its memory to be judged. */
const JUDGED_LIFETIME_SHARE = 0.5;

/** A full garbage collection, at a second of the load. */
export interface HeapSample {
  pid: number;
  /** The thread's heap (V8 isolate) within the process; one per thread. */
  isolate?: string;
  second: number;
  afterMiB: number;
  /** How long the collection held its thread, when known. */
  pauseMs?: number;
}

/** Fewer full collections than this in a process's life say too little about its heap to judge. */
const MIN_FULL_GCS = 6;

export interface HealthSummary {
  /** Samples outside the fault windows (each widened by SETTLE_SECONDS). */
  outsideFaults: { samples: number; maxMs: number; p99Ms: number; notOk: number };
  /** Samples inside them: reported, not judged. */
  duringFaults: { samples: number; maxMs: number; notOk: number };
  memory: ProcessMemory[];
  heap: ProcessHeap[];
}

/** What each full collection left alive in one process, over its life. */
export interface ProcessHeap {
  server: number;
  pid: number;
  /** Which of the process's judged heaps (one per thread, in the order they first collected), of how many. */
  thread: number;
  threads: number;
  fullGcs: number;
  /** The largest heap left by a full collection in the second and in the last third of its collections. */
  middleThirdMaxMiB: number;
  lastThirdMaxMiB: number;
  /** The longest any of those collections held the thread (0 when the trace did not say). */
  longestPauseMs: number;
  /** null when the process lived too short a part of the load, or collected too rarely, to judge. */
  flat: boolean | null;
}

export interface ProcessMemory {
  server: number;
  pid: number;
  /** Seconds of the load it lived through (sampled). */
  lived: number;
  startMiB: number;
  middleMiB: number;
  endMiB: number;
  /** Peaks of the second and last thirds of its life, and whether the last is within RSS_GROWTH_ALLOWED. */
  middleThirdPeakMiB: number;
  lastThirdPeakMiB: number;
  /** null when it lived too short a part of the load to judge. */
  flat: boolean | null;
}

/**
 * `/healthz` latency outside and inside the fault windows, and each server process's memory at the start,
 * middle and end of its life with a judgement of flatness.
 *
 * @example
 * const summary = summarizeHealth(samples, windows, 600, fullGcs);
 */
export function summarizeHealth(samples: readonly ServerSample[], windows: readonly FaultWindow[], loadSeconds: number, heapSamples: readonly HeapSample[] = []): HealthSummary {
  const inFault = (second: number) => windows.some((w) => second >= Math.floor(w.from) && second <= Math.ceil(w.to) + SETTLE_SECONDS);
  const outside = samples.filter((s) => !inFault(s.second));
  const inside = samples.filter((s) => inFault(s.second));
  const latencies = (list: readonly ServerSample[]) => list.flatMap((s) => (s.healthzStatus === 200 && s.healthzMs !== null ? [s.healthzMs] : [])).sort((a, b) => a - b);
  const outsideMs = latencies(outside);
  const insideMs = latencies(inside);
  return {
    outsideFaults: {
      samples: outside.length,
      maxMs: outsideMs.at(-1) ?? 0,
      p99Ms: outsideMs[Math.min(outsideMs.length - 1, Math.floor(outsideMs.length * 0.99))] ?? 0,
      notOk: outside.filter((s) => s.healthzStatus !== 200).length,
    },
    duringFaults: { samples: inside.length, maxMs: insideMs.at(-1) ?? 0, notOk: inside.filter((s) => s.healthzStatus !== 200).length },
    memory: processMemory(samples, loadSeconds),
    heap: processHeap(samples, heapSamples, loadSeconds),
  };
}

/**
 * Memory judged by what full collections leave alive: a leak raises it collection after collection, while
 * garbage waiting for the next one does not. Judged like RSS, on processes that lived half the load, and
 * for each thread's heap on its own (the embedded engine's thread has one beside the server's). A thread
 * that collected only a few times while another collected often (a module loader's, at start-up) is left
 * out.
 */
function processHeap(samples: readonly ServerSample[], heapSamples: readonly HeapSample[], loadSeconds: number): ProcessHeap[] {
  const byPid = new Map<number, Map<string, HeapSample[]>>();
  for (const sample of heapSamples) {
    const threads = byPid.get(sample.pid) ?? new Map<string, HeapSample[]>();
    const isolate = sample.isolate ?? '';
    threads.set(isolate, [...(threads.get(isolate) ?? []), sample]);
    byPid.set(sample.pid, threads);
  }
  return [...byPid.entries()].flatMap(([pid, threads]) => {
    const served = samples.filter((s) => s.pid === pid);
    if (served.length === 0) return [];
    const lived = served.at(-1)!.second - served[0]!.second;
    const all = [...threads.values()];
    const busy = all.filter((collections) => collections.length >= MIN_FULL_GCS);
    const judged = busy.length > 0 ? busy : [all.reduce((most, collections) => (collections.length > most.length ? collections : most))];
    return judged.map((collections, index) => {
      const after = collections.map((gc) => gc.afterMiB);
      const third = Math.floor(after.length / 3);
      const middleThirdMaxMiB = Math.max(...after.slice(third, Math.max(third + 1, 2 * third)));
      const lastThirdMaxMiB = Math.max(...after.slice(2 * third));
      const judgeable = lived >= loadSeconds * JUDGED_LIFETIME_SHARE && after.length >= MIN_FULL_GCS;
      return {
        server: served[0]!.server,
        pid,
        thread: index + 1,
        threads: judged.length,
        fullGcs: after.length,
        middleThirdMaxMiB,
        lastThirdMaxMiB,
        longestPauseMs: Math.max(0, ...collections.map((gc) => gc.pauseMs ?? 0)),
        flat: judgeable ? lastThirdMaxMiB <= middleThirdMaxMiB * (1 + RSS_GROWTH_ALLOWED) : null,
      };
    });
  });
}

function processMemory(samples: readonly ServerSample[], loadSeconds: number): ProcessMemory[] {
  const byPid = new Map<number, ServerSample[]>();
  for (const sample of samples) {
    if (sample.rssMiB === null) continue;
    const list = byPid.get(sample.pid);
    if (list) list.push(sample);
    else byPid.set(sample.pid, [sample]);
  }
  return [...byPid.values()].map((list) => {
    const rss = list.map((s) => s.rssMiB!);
    const third = Math.floor(rss.length / 3);
    const peak = (from: number, to: number) => Math.max(...rss.slice(from, to));
    const middleThirdPeakMiB = third > 0 ? peak(third, 2 * third) : rss.at(-1)!;
    const lastThirdPeakMiB = third > 0 ? peak(2 * third, rss.length) : rss.at(-1)!;
    const lived = list.at(-1)!.second - list[0]!.second;
    return {
      server: list[0]!.server,
      pid: list[0]!.pid,
      lived,
      startMiB: rss[0]!,
      middleMiB: rss[Math.floor(rss.length / 2)]!,
      endMiB: rss.at(-1)!,
      middleThirdPeakMiB,
      lastThirdPeakMiB,
      flat: lived >= loadSeconds * JUDGED_LIFETIME_SHARE ? lastThirdPeakMiB <= middleThirdPeakMiB * (1 + RSS_GROWTH_ALLOWED) : null,
    };
  });
}
