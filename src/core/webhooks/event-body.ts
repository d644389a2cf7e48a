/** The interview as an event carries it, in the order the documentation shows its fields. */
export interface InterviewSnapshot {
  id: string;
  title: string;
  status: string;
  start: string | null;
  end: string | null;
  opening: { id: string; title: string };
  candidate: { id: string; name: string };
  /** Member ids in seat order. */
  panel: string[];
}

export function interviewSnapshot(row: {
  id: string;
  title: string;
  status: string;
  startAt: Date | null;
  endAt: Date | null;
  openingId: string;
  openingTitle: string;
  candidateId: string;
  candidateName: string;
  panel: readonly string[];
}): InterviewSnapshot {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    start: row.startAt?.toISOString() ?? null,
    end: row.endAt?.toISOString() ?? null,
    opening: { id: row.openingId, title: row.openingTitle },
    candidate: { id: row.candidateId, name: row.candidateName },
    panel: [...row.panel],
  };
}

/**
 * The exact bytes a delivery sends and signs: `{ type, timestamp, data }` in that order, as documented,
 * written once when the event is queued so every retry sends the same body.
 */
export function eventBodyText(event: { type: string; at: Date; data: Record<string, unknown> }): string {
  return JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
}
