import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** Members' own calendars (ICS feeds, CalDAV) and the busy times read from them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE calendar_sources (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      member_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ics', 'caldav')),
      -- The address is a secret too (a feed's path grants read access): sealed, and shown only masked.
      url_sealed text NOT NULL,
      url_shown text NOT NULL,
      username_sealed text,
      password_sealed text,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ok', 'error')),
      error text,
      etag text,
      last_modified text,
      busy_count integer NOT NULL DEFAULT 0,
      last_sync_at timestamptz,
      last_success_at timestamptz,
      -- The last read that returned the calendar itself (not a 304): a feed is read whole once a day.
      last_read_at timestamptz,
      next_sync_at timestamptz NOT NULL,
      claimed_until timestamptz,
      -- clock_timestamp, not now(): sources added in one transaction keep the order they were given in.
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      UNIQUE (organization_id, id),
      FOREIGN KEY (organization_id, member_id) REFERENCES members (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX calendar_sources_member ON calendar_sources (organization_id, member_id, created_at)`.execute(db);
  await sql`CREATE INDEX calendar_sources_due ON calendar_sources (next_sync_at)`.execute(db);

  await sql`
    CREATE TABLE calendar_busy (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL,
      member_id uuid NOT NULL,
      source_id uuid NOT NULL,
      during tstzrange NOT NULL CHECK (NOT isempty(during)),
      uid text NOT NULL,
      FOREIGN KEY (organization_id, source_id) REFERENCES calendar_sources (organization_id, id) ON DELETE CASCADE
    )`.execute(db);
  await sql`CREATE INDEX calendar_busy_member ON calendar_busy USING gist (organization_id, member_id, during)`.execute(db);
  await sql`CREATE INDEX calendar_busy_source ON calendar_busy (source_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS calendar_busy`.execute(db);
  await sql`DROP TABLE IF EXISTS calendar_sources`.execute(db);
}
