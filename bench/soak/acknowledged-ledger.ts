/** What the server last acknowledged for one interview: the audit expects to find exactly this. */
export interface AcknowledgedInterview {
  id: string;
  /** The candidate link's token; null when the acknowledgement was a replay (tokens are redacted there). */
  token: string | null;
  status: 'scheduled' | 'invited' | 'cancelled';
  /** ISO start, null while invited. */
  start: string | null;
  /** ISO starts the candidate may accept while invited. */
  offered: string[];
  /** A client is acting on it: one action at a time, so "the last acknowledged action" is well defined. */
  busy: boolean;
  /**
   * An action on it got no final answer before the deadline (it may or may not have happened): its state is
   * then not checked, only its presence.
   */
  uncertain: boolean;
}

/**
 * Every interview the servers acknowledged, with the state the last acknowledged action left it in.
 *
 * @example
 * const ledger = acknowledgedLedger(); ledger.add({ id, token, status: 'scheduled', start, offered: [] });
 * const next = ledger.take((entry) => entry.status === 'scheduled'); … ledger.release(next);
 */
export function acknowledgedLedger() {
  const entries = new Map<string, AcknowledgedInterview>();
  const actionable: AcknowledgedInterview[] = [];
  return {
    add(entry: Omit<AcknowledgedInterview, 'busy' | 'uncertain'>): void {
      const full = { ...entry, busy: false, uncertain: false };
      entries.set(entry.id, full);
      if (entry.token !== null) actionable.push(full);
    },
    /** A random interview matching `want` that has a link and no action running, marked busy; or null. */
    take(want: (entry: AcknowledgedInterview) => boolean): AcknowledgedInterview | null {
      for (let tries = 0; tries < 20 && actionable.length > 0; tries += 1) {
        const entry = actionable[Math.floor(Math.random() * actionable.length)]!;
        if (!entry.busy && !entry.uncertain && want(entry)) {
          entry.busy = true;
          return entry;
        }
      }
      return null;
    },
    release(entry: AcknowledgedInterview): void {
      entry.busy = false;
    },
    all(): AcknowledgedInterview[] {
      return [...entries.values()];
    },
    size: (): number => entries.size,
  };
}

export type AcknowledgedLedger = ReturnType<typeof acknowledgedLedger>;
