import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * The foundation schema. Every tenant table carries organization_id and every unique index leads with it,
 * so organizations stay isolated and the organization can later become the distribution key.
 * Written for PostgreSQL 15 (the embedded engine is newer and accepts the same SQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await sql`
    CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      timezone text NOT NULL,
      contact_email text,
      contact_phone text,
      hr_contact_email text,
      ample_hours numeric(6,2) NOT NULL DEFAULT 48,
      adequate_hours numeric(6,2) NOT NULL DEFAULT 24,
      reminders jsonb NOT NULL DEFAULT '[48, 24]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (adequate_hours > 0 AND ample_hours >= adequate_hours)
    )`.execute(db);

  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name text NOT NULL,
      prefix text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_keys_org ON api_keys (organization_id)`.execute(db);

  await sql`
    CREATE TABLE members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name text NOT NULL,
      email text NOT NULL,
      role text NOT NULL CHECK (role IN ('interviewer', 'recruiter', 'admin')),
      timezone text NOT NULL,
      phone text,
      working_hours jsonb NOT NULL,
      buffer_minutes integer NOT NULL DEFAULT 0 CHECK (buffer_minutes >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, email),
      UNIQUE (organization_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      email text NOT NULL,
      password_hash text NOT NULL,
      member_id uuid REFERENCES members(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, email)
    )`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      csrf_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE busy_blocks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      member_id uuid NOT NULL,
      during tstzrange NOT NULL CHECK (NOT isempty(during)),
      title text,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX busy_blocks_member ON busy_blocks USING gist (organization_id, member_id, during)`.execute(
    db,
  );

  await sql`
    CREATE TABLE openings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      title text NOT NULL,
      department text,
      location text,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'closed')),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE candidates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      name text NOT NULL,
      email text NOT NULL,
      phone text,
      timezone text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, id)
    )`.execute(db);

  await sql`
    CREATE TABLE interviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      opening_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      title text NOT NULL,
      duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
      start_at timestamptz,
      end_at timestamptz,
      status text NOT NULL CHECK (status IN
        ('invited', 'scheduled', 'completed', 'cancelled', 'no_show', 'ended_early', 'declined')),
      uid text NOT NULL UNIQUE,
      sequence integer NOT NULL DEFAULT 0,
      location text,
      video_url text,
      offered_slots jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, id),
      FOREIGN KEY (organization_id, opening_id) REFERENCES openings (organization_id, id),
      FOREIGN KEY (organization_id, candidate_id) REFERENCES candidates (organization_id, id),
      CHECK ((start_at IS NULL) = (end_at IS NULL) AND (start_at IS NULL OR end_at > start_at))
    )`.execute(db);
  await sql`CREATE INDEX interviews_org_start ON interviews (organization_id, start_at)`.execute(db);
  await sql`CREATE INDEX interviews_org_candidate ON interviews (organization_id, candidate_id)`.execute(db);

  await sql`
    CREATE TABLE interview_panel (
      organization_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      member_id uuid NOT NULL,
      position integer NOT NULL,
      PRIMARY KEY (organization_id, interview_id, member_id),
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE,
      FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id)
    )`.execute(db);

  // One row per panelist per booked interview. The exclusion constraint is the guarantee against double
  // booking: no two active rows of a member may overlap, whatever the isolation level or the race.
  await sql`
    CREATE TABLE bookings (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      member_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      during tstzrange NOT NULL CHECK (NOT isempty(during)),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id),
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE,
      CONSTRAINT bookings_no_overlap
        EXCLUDE USING gist (organization_id WITH =, member_id WITH =, during WITH &&) WHERE (active)
    )`.execute(db);
  await sql`CREATE INDEX bookings_interview ON bookings (organization_id, interview_id)`.execute(db);

  await sql`
    CREATE TABLE interview_history (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      at timestamptz NOT NULL,
      actor text NOT NULL CHECK (actor IN ('candidate', 'employer', 'system')),
      action text NOT NULL,
      notice_hours numeric(10,2),
      notice_class text CHECK (notice_class IN ('ample', 'adequate', 'late', 'missed')),
      reason text,
      private_note text,
      message_id text,
      details jsonb,
      seq bigserial NOT NULL,
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX interview_history_interview ON interview_history (organization_id, interview_id, seq)`.execute(
    db,
  );
  // History is append-only: the database refuses edits, so no code path can rewrite what happened.
  await sql`
    CREATE FUNCTION leeway_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'interview_history is append-only' USING ERRCODE = 'check_violation';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER interview_history_append_only BEFORE UPDATE ON interview_history
    FOR EACH ROW EXECUTE FUNCTION leeway_history_is_append_only()`.execute(db);

  await sql`
    CREATE TABLE candidate_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      opening_id uuid NOT NULL,
      interview_id uuid NOT NULL,
      token_hash text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (organization_id, interview_id) REFERENCES interviews (organization_id, id) ON DELETE CASCADE
    )`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      organization_id uuid NOT NULL,
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      status_code integer,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, scope, key)
    )`.execute(db);
  await sql`CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`.execute(db);

  // The transactional outbox: messages are written in the same transaction as the change they announce,
  // and a worker claims them with FOR UPDATE SKIP LOCKED.
  await sql`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      message_id text NOT NULL UNIQUE,
      kind text NOT NULL,
      channel text NOT NULL DEFAULT 'email',
      interview_id uuid,
      recipient text NOT NULL,
      subject text NOT NULL,
      payload jsonb NOT NULL,
      ics_method text,
      sequence integer,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'kept')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX outbox_org_interview ON outbox (organization_id, interview_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'outbox',
    'idempotency_keys',
    'candidate_tokens',
    'interview_history',
    'bookings',
    'interview_panel',
    'interviews',
    'candidates',
    'openings',
    'busy_blocks',
    'sessions',
    'users',
    'members',
    'api_keys',
    'organizations',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)} CASCADE`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS leeway_history_is_append_only()`.execute(db);
}
