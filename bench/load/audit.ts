/** A parameterized query on the database the server used. */
export type Query = <Row>(text: string, params: unknown[]) => Promise<Row[]>;

export interface BookingAudit {
  /** Interviews holding active bookings. */
  booked: number;
  /** Pairs of active bookings of one member whose times overlap (must be 0). */
  overlaps: number;
  /** Booked interviews with no message in the outbox (must be 0). */
  withoutMessages: number;
  /** Outbox rows of the booked interviews. */
  messages: number;
}

/**
 * Reads the organization's bookings back in SQL once the load is over: no member double-booked, and every
 * booked interview's messages written with it.
 *
 * @example
 * const audit = await auditBookings(query, organizationId); // { booked: 812, overlaps: 0, withoutMessages: 0, messages: 1624 }
 */
export async function auditBookings(query: Query, organizationId: string): Promise<BookingAudit> {
  const [booked] = await query<{ n: number }>(
    'SELECT count(DISTINCT interview_id)::int AS n FROM bookings WHERE organization_id = $1 AND active',
    [organizationId],
  );
  const [overlaps] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b
       ON b.organization_id = a.organization_id AND b.member_id = a.member_id AND b.id > a.id AND b.during && a.during
     WHERE a.organization_id = $1 AND a.active AND b.active`,
    [organizationId],
  );
  const [withoutMessages] = await query<{ n: number }>(
    `SELECT count(DISTINCT b.interview_id)::int AS n FROM bookings b
     WHERE b.organization_id = $1 AND b.active
       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.organization_id = b.organization_id AND o.interview_id = b.interview_id)`,
    [organizationId],
  );
  const [messages] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox o
     WHERE o.organization_id = $1 AND o.interview_id IN (SELECT interview_id FROM bookings WHERE organization_id = $1 AND active)`,
    [organizationId],
  );
  return { booked: booked?.n ?? 0, overlaps: overlaps?.n ?? 0, withoutMessages: withoutMessages?.n ?? 0, messages: messages?.n ?? 0 };
}
