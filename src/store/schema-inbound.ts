import type { ColumnType, Generated } from 'kysely';

export interface InboundSecretsTable {
  organizationId: string;
  secretHash: string;
  /** When this secret was made: a rotation replaces it. */
  createdAt: ColumnType<Date, Date | undefined, Date>;
}

export interface InboundRepliesTable {
  id: Generated<string>;
  organizationId: string | null;
  receivedAt: Date;
  via: string;
  sender: string | null;
  envelopeSender: string | null;
  messageId: string | null;
  method: string | null;
  uid: string | null;
  sequence: number | null;
  dtstamp: Date | null;
  interviewId: string | null;
  attendeeEmail: string | null;
  attendeeRole: string | null;
  memberId: string | null;
  partstat: string | null;
  proposedStart: Date | null;
  proposedEnd: Date | null;
  outcome: string;
  effect: string | null;
  ignoredBecause: string | null;
}

export interface AttendeeAnswersTable {
  organizationId: string;
  interviewId: string;
  email: string;
  partstat: string;
  repliedAt: Date;
  dtstamp: Date;
  sequence: number;
  forStart: Date;
}

/** Tables of the inbound integration; `Database` in schema.ts includes them. */
export interface InboundTables {
  inboundSecrets: InboundSecretsTable;
  inboundReplies: InboundRepliesTable;
  attendeeAnswers: AttendeeAnswersTable;
}
