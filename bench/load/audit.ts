/** A parameterized query on the database the server used. */
export type Query = <Row>(text: string, params: unknown[]) => Promise<Row[]>;

export interface BookingAudit {
  /** Interviews of the booking load's opening holding active bookings. */
  booked: number;
  /** Pairs of active bookings of one member whose times overlap (must be 0). */
  overlaps: number;
  /** Booked interviews of the opening with no message in the outbox (must be 0). */
  withoutMessages: number;
  /** Outbox rows of the opening's booked interviews. */
  messages: number;
}

/**
 * Reads the bookings back in SQL once the loads are over: no member of the organization double-booked
 * (whatever booked them), and every booked interview (of `openingId`, when given: the booking load's) has
 * its messages written with it.
 *
 * @example
 * const audit = await auditBookings(query, organizationId, openingId); // { booked: 812, overlaps: 0, withoutMessages: 0, messages: 1624 }
 */
export async function auditBookings(query: Query, organizationId: string, openingId?: string): Promise<BookingAudit> {
  // Without an opening: every active booking of the organization.
  const openingBookings = `SELECT b.interview_id FROM bookings b JOIN interviews i ON i.organization_id = b.organization_id AND i.id = b.interview_id
     WHERE b.organization_id = $1 AND b.active AND ($2::uuid IS NULL OR i.opening_id = $2::uuid)`;
  const opening = openingId ?? null;
  const [booked] = await query<{ n: number }>(`SELECT count(DISTINCT interview_id)::int AS n FROM (${openingBookings}) booked`, [organizationId, opening]);
  const [overlaps] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b
       ON b.organization_id = a.organization_id AND b.member_id = a.member_id AND b.id > a.id AND b.during && a.during
     WHERE a.organization_id = $1 AND a.active AND b.active`,
    [organizationId],
  );
  const [withoutMessages] = await query<{ n: number }>(
    `SELECT count(DISTINCT booked.interview_id)::int AS n FROM (${openingBookings}) booked
     WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.organization_id = $1 AND o.interview_id = booked.interview_id)`,
    [organizationId, opening],
  );
  const [messages] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox o WHERE o.organization_id = $1 AND o.interview_id IN (${openingBookings})`,
    [organizationId, opening],
  );
  return { booked: booked?.n ?? 0, overlaps: overlaps?.n ?? 0, withoutMessages: withoutMessages?.n ?? 0, messages: messages?.n ?? 0 };
}

export interface ActionAudit {
  /** Prepared interviews the candidate acted on, in the state the action leads to. */
  acted: number;
  /** Of those, interviews without the action's message to the candidate in the outbox (must be 0). */
  withoutMessages: number;
}

/** The state each action leaves and the message to the candidate it writes in the same transaction. */
const ACTION_OUTCOMES = {
  cancel: { status: 'cancelled', kind: 'cancellation_confirmation' },
  reschedule: { status: 'scheduled', kind: 'moved_by_candidate' },
  accept: { status: 'scheduled', kind: 'confirmation' },
} as const;

/**
 * For each candidate action, reads back the interviews prepared for it: how many the candidate acted on
 * (a history line by the candidate and the status the action leads to), and whether each of those has the
 * action's message in the outbox.
 *
 * @example
 * const audits = await auditCandidateActions(query, organizationId, { cancel: ids1, reschedule: ids2, accept: ids3 });
 */
export async function auditCandidateActions(
  query: Query,
  organizationId: string,
  interviewIds: Record<keyof typeof ACTION_OUTCOMES, readonly string[]>,
): Promise<Record<keyof typeof ACTION_OUTCOMES, ActionAudit>> {
  const audits = {} as Record<keyof typeof ACTION_OUTCOMES, ActionAudit>;
  for (const action of Object.keys(ACTION_OUTCOMES) as Array<keyof typeof ACTION_OUTCOMES>) {
    const { status, kind } = ACTION_OUTCOMES[action];
    const [row] = await query<{ acted: number; without_messages: number }>(
      `SELECT count(*)::int AS acted,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM outbox o WHERE o.organization_id = i.organization_id AND o.interview_id = i.id AND o.kind = $4))::int AS without_messages
       FROM interviews i
       WHERE i.organization_id = $1 AND i.id = ANY($2::uuid[]) AND i.status = $3
         AND EXISTS (SELECT 1 FROM interview_history h WHERE h.organization_id = i.organization_id AND h.interview_id = i.id AND h.actor = 'candidate')`,
      [organizationId, [...interviewIds[action]], status, kind],
    );
    audits[action] = { acted: row?.acted ?? 0, withoutMessages: row?.without_messages ?? 0 };
  }
  return audits;
}
