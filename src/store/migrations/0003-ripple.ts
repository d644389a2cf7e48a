import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The ripple of a change: a waitlist that freed time is offered to, panelists who may stand in for one
 * another (pools) within their load limits, a record of an opening's end, and background jobs that any
 * server process can claim (offer expiry, the position-filled cascade).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organizations
      ADD COLUMN offer_minutes integer NOT NULL DEFAULT 120 CHECK (offer_minutes BETWEEN 5 AND 10080),
      ADD COLUMN offer_fanout integer NOT NULL DEFAULT 1 CHECK (offer_fanout BETWEEN 1 AND 20),
      ADD COLUMN replace_hours numeric(6,2) NOT NULL DEFAULT 24 CHECK (replace_hours >= 0)`.execute(db);

  // Who may stand in for whom (members sharing a pool tag) and how many interviews they take.
  await sql`
    ALTER TABLE members
      ADD COLUMN pools jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN limits jsonb NOT NULL DEFAULT '{}'::jsonb`.execute(db);

  await sql`
    ALTER TABLE openings
      ADD COLUMN ended_at timestamptz,
      ADD COLUMN hired_candidate_id uuid,
      ADD COLUMN end_message text`.execute(db);

  await sql`
    CREATE TABLE waitlist_entries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      opening_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      panel jsonb NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
      earliest timestamptz,
      latest timestamptz,
      status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'filled', 'removed', 'closed')),
      joined_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      interview_id uuid,
      UNIQUE (organization_id, id),
      FOREIGN KEY (organization_id, opening_id) REFERENCES openings (organization_id, id),
      FOREIGN KEY (organization_id, candidate_id) REFERENCES candidates (organization_id, id),
      CHECK (earliest IS NULL OR latest IS NULL OR latest > earliest)
    )`.execute(db);
  await sql`CREATE INDEX waitlist_entries_queue ON waitlist_entries (organization_id, opening_id, status, joined_at)`.execute(db);

  // Panel time that became free, and the offers of it to waiting candidates.
  await sql`
    CREATE TABLE freed_slots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      opening_id uuid NOT NULL,
      source_interview_id uuid,
      panel jsonb NOT NULL,
      start_at timestamptz NOT NULL,
      end_at timestamptz NOT NULL,
      freed_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'lapsed')),
      filled_at timestamptz,
      filled_entry_id uuid,
      UNIQUE (organization_id, id),
      CHECK (end_at > start_at)
    )`.execute(db);
  await sql`CREATE INDEX freed_slots_org ON freed_slots (organization_id, freed_at)`.execute(db);
  await sql`
    CREATE TABLE waitlist_offers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      freed_slot_id uuid NOT NULL,
      entry_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'claimed', 'expired', 'withdrawn', 'declined')),
      offered_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      resolved_at timestamptz,
      FOREIGN KEY (organization_id, freed_slot_id) REFERENCES freed_slots (organization_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organization_id, entry_id) REFERENCES waitlist_entries (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  // A freed slot goes to one person at most, whatever races: the database holds the line.
  await sql`CREATE UNIQUE INDEX waitlist_offers_one_claim ON waitlist_offers (freed_slot_id) WHERE status = 'claimed'`.execute(db);
  await sql`CREATE INDEX waitlist_offers_slot ON waitlist_offers (organization_id, freed_slot_id)`.execute(db);

  // A panelist's private link to their own seat, stored hashed like a candidate's.
  await sql`
    CREATE TABLE panel_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      member_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE
    )`.execute(db);

  // Background work any server process may claim (FOR UPDATE SKIP LOCKED); a key makes enqueueing idempotent.
  await sql`
    CREATE TABLE jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      kind text NOT NULL,
      key text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      run_at timestamptz NOT NULL,
      locked_until timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX jobs_open_key ON jobs (organization_id, kind, key) WHERE done_at IS NULL`.execute(db);
  await sql`CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL`.execute(db);

  // Analytics read the history by organization and time.
  await sql`CREATE INDEX interview_history_org_at ON interview_history (organization_id, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX interview_history_org_at`.execute(db);
  for (const table of ['jobs', 'panel_tokens', 'waitlist_offers', 'freed_slots', 'waitlist_entries']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE openings DROP COLUMN ended_at, DROP COLUMN hired_candidate_id, DROP COLUMN end_message`.execute(db);
  await sql`ALTER TABLE members DROP COLUMN pools, DROP COLUMN limits`.execute(db);
  await sql`ALTER TABLE organizations DROP COLUMN offer_minutes, DROP COLUMN offer_fanout, DROP COLUMN replace_hours`.execute(db);
}
