import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** Calendar replies received by email, each attendee's answer, and each organization's inbound secret. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The bearer secret a mail provider's forwarding presents; stored as its SHA-256, one per organization.
  await sql`
    CREATE TABLE inbound_secrets (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
      secret_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  // Every reply received, acted on or not. A reply that names no interview of any organization (SMTP,
  // unknown UID) belongs to none: organization_id is null and no organization's API lists it.
  await sql`
    CREATE TABLE inbound_replies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
      received_at timestamptz NOT NULL,
      via text NOT NULL CHECK (via IN ('smtp', 'http')),
      sender text,
      envelope_sender text,
      message_id text,
      method text,
      uid text,
      sequence integer,
      dtstamp timestamptz,
      interview_id uuid,
      attendee_email text,
      attendee_role text CHECK (attendee_role IN ('candidate', 'panelist')),
      member_id uuid,
      partstat text CHECK (partstat IN ('needs-action', 'accepted', 'tentative', 'declined')),
      proposed_start timestamptz,
      proposed_end timestamptz,
      outcome text NOT NULL CHECK (outcome IN ('applied', 'ignored')),
      effect text CHECK (effect IN ('seat_replaced', 'seat_proposed', 'seat_coordinator', 'cancelled', 'recorded', 'reschedule_requested')),
      ignored_because text,
      CHECK ((outcome = 'applied') = (effect IS NOT NULL)),
      CHECK ((outcome = 'ignored') = (ignored_because IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX inbound_replies_org ON inbound_replies (organization_id, received_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX inbound_replies_interview ON inbound_replies (organization_id, interview_id, received_at DESC)`.execute(db);
  // A Message-ID acts once per interview, whatever races: the database holds the line.
  await sql`
    CREATE UNIQUE INDEX inbound_replies_acted_once ON inbound_replies (organization_id, interview_id, message_id)
    WHERE outcome = 'applied' AND message_id IS NOT NULL`.execute(db);

  // Each attendee's latest answer, and the time it answered for: an answer to another time is no answer.
  await sql`
    CREATE TABLE attendee_answers (
      organization_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      email text NOT NULL,
      partstat text NOT NULL CHECK (partstat IN ('accepted', 'tentative', 'declined')),
      replied_at timestamptz NOT NULL,
      dtstamp timestamptz NOT NULL,
      sequence integer NOT NULL,
      for_start timestamptz NOT NULL,
      PRIMARY KEY (organization_id, interview_id, email),
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE attendee_answers`.execute(db);
  await sql`DROP TABLE inbound_replies`.execute(db);
  await sql`DROP TABLE inbound_secrets`.execute(db);
}
