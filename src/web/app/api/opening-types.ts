/**
 * What the openings, candidates and waitlist endpoints answer, as the dashboard reads them:
 * /api/v1/openings*, /api/v1/candidates, /api/v1/openings/{id}/waitlist, /offers and the fill and close
 * previews. They mirror the server's OpenAPI schemas (the web app may not import the server).
 */
import type { InterviewStatus } from './interview-types.ts';

export type OpeningStatus = 'open' | 'filled' | 'closed';

export interface Opening {
  id: string;
  title: string;
  department: string | null;
  location: string | null;
  status: OpeningStatus;
  /** When it was filled or closed. */
  endedAt: string | null;
  hiredCandidateId: string | null;
  createdAt: string;
}

/** Its interviews counted by status, and the candidates waiting for freed time. */
export interface OpeningActivity {
  interviews: Record<InterviewStatus, number>;
  waiting: number;
}

export interface OpeningWithActivity extends Opening {
  activity: OpeningActivity;
}

export interface OpeningPage {
  openings: OpeningWithActivity[];
  nextCursor: string | null;
}

export interface OpeningInput {
  title: string;
  department?: string | null;
  location?: string | null;
}

export interface Candidate {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string;
  createdAt: string;
}

export interface CandidatePage {
  candidates: Candidate[];
  nextCursor: string | null;
}

export type WaitlistEntryStatus = 'waiting' | 'filled' | 'removed' | 'closed';

export interface WaitlistEntry {
  id: string;
  openingId: string;
  candidateId: string;
  panel: string[];
  durationMinutes: number;
  earliest: string | null;
  latest: string | null;
  status: WaitlistEntryStatus;
  joinedAt: string;
  endedAt: string | null;
  /** The interview a claimed offer created. */
  interviewId: string | null;
}

export interface WaitlistPage {
  entries: WaitlistEntry[];
  nextCursor: string | null;
}

export interface WaitlistEntryInput {
  candidateId: string;
  panel: string[];
  durationMinutes: number;
  earliest?: string | null;
  latest?: string | null;
}

/** Freed panel time offered to a waitlisted candidate, still claimable. */
export interface StandingOffer {
  id: string;
  entryId: string;
  candidate: { id: string; name: string; timezone: string };
  freedSlot: { id: string; start: string; end: string; panel: string[] };
  offeredAt: string;
  expiresAt: string;
}

export type OpeningEndHow = 'fill' | 'close';

export interface OpeningEndInput {
  hiredCandidateId?: string | null;
  message?: string | null;
}

export type Audience = 'candidate' | 'panelist' | 'coordinator' | 'hr';

/** One email a fill or close would send, exactly as it would be sent (candidate link tokens redacted). */
export interface PreviewedMessage {
  kind: string;
  role: Audience;
  to: string;
  subject: string;
  body: string;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
  sequence: number | null;
  interviewId: string | null;
}

export interface OpeningEndPreview {
  messages: PreviewedMessage[];
}

/** What a fill or close did, counted by the server. */
export interface OpeningEnd {
  opening: Opening;
  cancelledInterviews: number;
  notifiedCandidates: number;
  closedWaitlistEntries: number;
}
