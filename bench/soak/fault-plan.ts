import { setTimeout as sleep } from 'node:timers/promises';

export type FaultName = 'SMTP server down' | 'server process SIGKILLed and restarted' | 'PostgreSQL restarted (pg_ctl restart -m fast)';

export interface PlannedFault {
  name: FaultName;
  /** Seconds after the load started. */
  at: number;
  /** How long the fault lasts before it is undone (the SMTP outage); 0 for an instant one. */
  seconds: number;
}

/** When a fault ran, in seconds since the load started: from its start until what it broke was back. */
export interface FaultWindow {
  name: FaultName;
  from: number;
  to: number;
  error?: string;
}

const SMTP_OUTAGE_LONGEST_S = 60;

/**
 * The faults of a soak of `loadSeconds`, spread over it: the SMTP server down from 15 % (for a minute, or
 * 15 % of a shorter run), a server process killed at 35 % (early enough that its successor lives most of
 * the run, whose memory is then judged), PostgreSQL restarted at 60 % — a PGlite data folder has no
 * server to restart.
 *
 * @example
 * planFaults(600, 'postgres'); // SMTP 90–150 s, SIGKILL at 210 s, restart at 360 s
 */
export function planFaults(loadSeconds: number, engine: 'postgres' | 'pglite'): PlannedFault[] {
  const plan: PlannedFault[] = [
    { name: 'SMTP server down', at: round(loadSeconds * 0.15), seconds: round(Math.min(SMTP_OUTAGE_LONGEST_S, loadSeconds * 0.15)) },
    { name: 'server process SIGKILLed and restarted', at: round(loadSeconds * 0.35), seconds: 0 },
  ];
  if (engine === 'postgres') plan.push({ name: 'PostgreSQL restarted (pg_ctl restart -m fast)', at: round(loadSeconds * 0.6), seconds: 0 });
  return plan;
}

export type FaultActions = Record<FaultName, { begin: () => Promise<void>; end?: () => Promise<void> }>;

/**
 * Runs the plan against the clock of the load (one fault at a time, in order) and records when each ran.
 * A fault that throws is recorded with its error; the audit then fails.
 *
 * @example
 * const windows = await runFaults(planFaults(600, 'postgres'), actions, loadStartedAt, (line) => console.log(line));
 */
export async function runFaults(plan: readonly PlannedFault[], actions: Partial<FaultActions>, startedAt: number, log: (line: string) => void): Promise<FaultWindow[]> {
  const windows: FaultWindow[] = [];
  const now = () => (Date.now() - startedAt) / 1000;
  for (const fault of plan) {
    const action = actions[fault.name];
    if (!action) continue;
    await sleep(Math.max(0, (fault.at - now()) * 1000));
    const window: FaultWindow = { name: fault.name, from: now(), to: now() };
    log(`  ${window.from.toFixed(0)} s: ${fault.name}${fault.seconds > 0 ? ` for ${fault.seconds} s` : ''}`);
    try {
      await action.begin();
      if (fault.seconds > 0) await sleep(Math.max(0, (fault.at + fault.seconds - now()) * 1000));
      await action.end?.();
    } catch (error) {
      window.error = (error as Error).message;
      log(`  ${fault.name} failed: ${window.error}`);
    }
    window.to = now();
    log(`  ${window.to.toFixed(0)} s: back from: ${fault.name} (${(window.to - window.from).toFixed(1)} s)`);
    windows.push(window);
  }
  return windows;
}

function round(seconds: number): number {
  return Math.round(seconds);
}
