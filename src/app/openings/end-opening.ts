import { decideCancellation } from '../../core/decisions/decide.ts';
import { DomainError } from '../../core/errors.ts';
import type { Candidate, Interview, Member, Opening } from '../../core/types.ts';
import type { NewHistoryEntry, NewOutboxMessage, OpeningEnd, OpeningEndCounts, Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import { decisionContext } from '../interviews/decision-context.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { notifyChange } from '../notifications/notify-interview.ts';
import { closeWaitlistForOpening } from '../waitlist/close-waitlist.ts';
import { openingEndedEvent } from '../webhooks/events.ts';

/** What `fill` and `close` answer, every time they are called for the opening. */
export interface OpeningEndResult {
  opening: Opening;
  /** Interviews and invitations the end cancelled (the hired candidate's are left alone). */
  cancelledInterviews: number;
  /** Distinct candidates told that the opening ended. */
  notifiedCandidates: number;
  closedWaitlistEntries: number;
}

export interface CascadeOptions {
  /** Interviews cancelled per transaction. */
  batchSize?: number;
  /** A test seam: runs inside each batch's transaction, after its writes and before its commit. */
  beforeCommit?: (batch: { number: number; interviews: number }) => Promise<void> | void;
  /** How long to wait for batches another process holds before answering with what is done. */
  waitForOthersMs?: number;
}

const DEFAULT_BATCH_SIZE = 200;
const DEFAULT_WAIT_FOR_OTHERS_MS = 30_000;

/**
 * The position was filled: records it (and whom, if given), closes the waitlist, and cancels every other
 * remaining interview and invitation of the opening, telling each candidate kindly and sending CANCEL to
 * everyone who held an event. The hired candidate's own interviews are left as they are and they hear
 * nothing from this. Calling it again answers the same and sends nothing more.
 */
export function fillOpening(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  input: { hiredCandidateId?: string | null; message?: string | null },
  options: CascadeOptions = {},
): Promise<OpeningEndResult> {
  return endOpening(ctx, organizationId, openingId, { how: 'filled', hiredCandidateId: input.hiredCandidateId ?? null, message: input.message ?? null }, options);
}

/** The position was closed without a hire: the same cascade, worded as a closing. */
export function closeOpening(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  input: { message?: string | null },
  options: CascadeOptions = {},
): Promise<OpeningEndResult> {
  return endOpening(ctx, organizationId, openingId, { how: 'closed', hiredCandidateId: null, message: input.message ?? null }, options);
}

/**
 * Finishes every cascade a process did not: openings that ended but still have open interviews (other
 * than the hired candidate's). Safe to run anywhere, any number of times, alongside live requests: the
 * batches lock their interviews with SKIP LOCKED and each commits with its messages. Returns how many
 * interviews it cancelled.
 */
export async function resumeOpeningEnds(ctx: AppContext, options: CascadeOptions = {}): Promise<{ openings: number; cancelledInterviews: number }> {
  let openings = 0;
  let cancelledInterviews = 0;
  const seen = new Set<string>();
  for (;;) {
    const pending = (await ctx.store.openings.endedWithOpenInterviews(50)).filter((p) => !seen.has(p.openingId));
    if (pending.length === 0) break;
    for (const { organizationId, openingId } of pending) {
      // An opening whose remaining interviews another process holds is left to it.
      seen.add(openingId);
      const done = await runCascade(ctx, organizationId, openingId, { ...options, waitForOthersMs: 0 });
      if (done > 0) openings += 1;
      cancelledInterviews += done;
    }
  }
  return { openings, cancelledInterviews };
}

async function endOpening(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  input: { how: 'filled' | 'closed'; hiredCandidateId: string | null; message: string | null },
  options: CascadeOptions,
): Promise<OpeningEndResult> {
  const words = input.message?.trim() || null;
  // First a short transaction: the opening ends and its waitlist closes. Once it commits, the cascade
  // below can be finished by anyone (a retry, another process, the background loop after a crash).
  await ctx.store.transaction((store) => beginEnd(ctx, store, organizationId, openingId, { ...input, message: words }));
  await runCascade(ctx, organizationId, openingId, options);
  return openingEndResult(ctx, organizationId, openingId);
}

/**
 * The opening ends and its waitlist closes, in the caller's transaction; nothing when it already ended
 * the same way, OPENING_NOT_OPEN when it ended otherwise.
 */
async function beginEnd(
  ctx: AppContext,
  store: Store,
  organizationId: string,
  openingId: string,
  input: { how: 'filled' | 'closed'; hiredCandidateId: string | null; message: string | null },
): Promise<void> {
  const opening = await store.openings.get(organizationId, openingId, { forUpdate: true });
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  if (input.hiredCandidateId !== null && !(await store.candidates.get(organizationId, input.hiredCandidateId))) {
    throw new DomainError('NOT_FOUND', 'No such candidate.');
  }
  if (opening.status !== 'open') {
    const same = opening.status === input.how && (input.hiredCandidateId === null || input.hiredCandidateId === opening.hiredCandidateId);
    if (!same) {
      throw new DomainError(
        'OPENING_NOT_OPEN',
        opening.status === input.how
          ? `The opening is already filled${opening.hiredCandidateId ? ' by another candidate' : ''}.`
          : `The opening is already ${opening.status}.`,
      );
    }
    return;
  }
  const at = ctx.clock();
  await store.openings.markEnded(organizationId, openingId, { status: input.how, endedAt: at, hiredCandidateId: input.hiredCandidateId, endMessage: input.message });
  await store.webhooks.enqueue(organizationId, [openingEndedEvent(opening, input, at)]);
  await closeWaitlistForOpening(ctx, store, { organizationId, openingId, how: input.how, at, hiredCandidateId: input.hiredCandidateId });
}

/** The opening and what its end did, counted from the record: the same on every call. */
export async function openingEndResult(ctx: AppContext, organizationId: string, openingId: string): Promise<OpeningEndResult> {
  const opening = await ctx.store.openings.get(organizationId, openingId);
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  const counts: OpeningEndCounts = await ctx.store.openingEnds.counts(organizationId, openingId);
  return {
    opening,
    cancelledInterviews: counts.cancelledInterviews,
    notifiedCandidates: counts.notifiedCandidates,
    closedWaitlistEntries: counts.closedWaitlistEntries,
  };
}

/**
 * Cancels the ended opening's remaining interviews in batches until none is left, waiting (up to
 * `waitForOthersMs`) for batches another process holds. Returns how many this call cancelled.
 */
async function runCascade(ctx: AppContext, organizationId: string, openingId: string, options: CascadeOptions): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const deadline = Date.now() + (options.waitForOthersMs ?? DEFAULT_WAIT_FOR_OTHERS_MS);
  let total = 0;
  let number = 0;
  for (;;) {
    number += 1;
    const done = await cancelBatch(ctx, organizationId, openingId, batchSize, number, options);
    total += done;
    if (done > 0) continue;
    const { remaining } = await ctx.store.openingEnds.counts(organizationId, openingId);
    if (remaining === 0 || Date.now() >= deadline) return total;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface CollectedMessage {
  message: NewOutboxMessage;
  at: Date;
}

/**
 * The store as `notifyChange` sees it, with an outbox that collects instead of inserting: the batch's
 * messages are planned and rendered by the same code as a single cancellation, then written in one
 * statement. Everything else reads and writes through the real transaction.
 */
function collectingStore(store: Store, sink: CollectedMessage[]): Store {
  const outbox = {
    enqueue: (message: NewOutboxMessage, at: Date) => {
      sink.push({ message, at });
      return Promise.resolve();
    },
    // A batch collected through an inner collecting store lands here too (a preview collects everything).
    enqueueMany: (messages: CollectedMessage[]) => {
      sink.push(...messages);
      return Promise.resolve();
    },
  };
  return Object.create(store, { outbox: { value: outbox } }) as Store;
}

/**
 * One batch, one transaction: locks up to `limit` open interviews of the ended opening (SKIP LOCKED),
 * decides each cancellation in the core, renders every email, and writes the interviews, freed bookings,
 * dropped reminders, outbox rows and history lines together. Killed before the commit, nothing of the
 * batch happened; after it, all of it did.
 */
async function cancelBatch(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  limit: number,
  number: number,
  options: CascadeOptions,
): Promise<number> {
  return ctx.store.transaction(async (store) => {
    const done = await cancelRemaining(ctx, store, organizationId, openingId, limit);
    if (done > 0) await options.beforeCommit?.({ number, interviews: done });
    return done;
  });
}

export type { OpeningEnd };

/** One email a fill or close would send, as it would be sent. */
export interface PreviewedMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  icsMethod: 'REQUEST' | 'CANCEL' | null;
  sequence: number | null;
  interviewId: string | null;
}

/** Ends a preview's transaction: everything it wrote is rolled back. */
class PreviewRollback extends Error {}

/**
 * What `fillOpening` or `closeOpening` would send now, changing nothing: the very same steps run in one
 * transaction that is then rolled back, with an outbox that collects instead of writing. Nothing is queued,
 * no job is scheduled and no link issued survives. Refuses like the real operation (NOT_FOUND,
 * OPENING_NOT_OPEN); an opening that already ended the same way previews what a call would still send.
 */
export async function previewOpeningEnd(
  ctx: AppContext,
  organizationId: string,
  openingId: string,
  input: { how: 'filled' | 'closed'; hiredCandidateId?: string | null; message?: string | null },
): Promise<PreviewedMessage[]> {
  const sink: CollectedMessage[] = [];
  const end = { how: input.how, hiredCandidateId: input.hiredCandidateId ?? null, message: input.message?.trim() || null };
  try {
    await ctx.store.transaction(async (store) => {
      // A transaction run again after a deadlock starts its collection afresh.
      sink.length = 0;
      const previewing = collectingStore(store, sink);
      await beginEnd(ctx, previewing, organizationId, openingId, end);
      while ((await cancelRemaining(ctx, previewing, organizationId, openingId, DEFAULT_BATCH_SIZE)) > 0);
      throw new PreviewRollback('A preview changes nothing.');
    });
  } catch (error) {
    if (!(error instanceof PreviewRollback)) throw error;
  }
  return sink.map(({ message }) => {
    const email = (message.payload as { email?: { text?: string } }).email;
    return {
      kind: message.kind,
      to: message.recipient,
      subject: message.subject,
      text: email?.text ?? '',
      icsMethod: message.icsMethod ?? null,
      sequence: message.sequence ?? null,
      interviewId: message.interviewId ?? null,
    };
  });
}

/**
 * Cancels up to `limit` open interviews of the ended opening in the caller's transaction, and returns
 * how many: decides each cancellation in the core, renders every email, and writes the interviews,
 * freed bookings, dropped reminders, outbox rows and history lines.
 */
async function cancelRemaining(ctx: AppContext, store: Store, organizationId: string, openingId: string, limit: number): Promise<number> {
  const end = await store.openings.endOf(organizationId, openingId);
  if (!end) return 0;
  const interviews = await store.interviews.lockOpenOfOpening(organizationId, openingId, { exceptCandidateId: end.hiredCandidateId, limit });
  if (interviews.length === 0) return 0;
  const now = ctx.clock();
  const organization = (await store.organizations.get(organizationId))!;
  const opening = (await store.openings.get(organizationId, openingId))!;
  const candidates = new Map<string, Candidate>(
    (await store.candidates.getMany(organizationId, interviews.map((i) => i.candidateId))).map((c) => [c.id, c]),
  );
  const members = new Map<string, Member>(
    (await store.members.getMany(organizationId, [...new Set(interviews.flatMap((i) => i.panel))])).map((m) => [m.id, m]),
  );
  const staff = organization.contactEmail && organization.hrContactEmail
    ? []
    : (await store.members.list(organizationId)).filter((m) => m.role === 'recruiter' || m.role === 'admin');

  const collected: CollectedMessage[] = [];
  const collecting = collectingStore(store, collected);
  const history: Array<NewHistoryEntry & { interviewId: string }> = [];
  const cancelled: Array<{ id: string; sequence: number }> = [];
  const context = decisionContext(organization, now);
  const reason = end.status === 'filled' ? 'position_filled' : 'position_closed';
  for (const interview of interviews) {
    const candidate = candidates.get(interview.candidateId);
    if (!candidate) throw new Error(`Interview ${interview.id} refers to a candidate that is gone.`);
    const change = decideCancellation(interview, { by: 'employer', reason, words: end.endMessage }, context);
    const after: Interview = { ...interview, status: change.after.status, sequence: change.after.sequence, offeredSlots: [], updatedAt: now };
    const parties: InterviewParties = {
      organization,
      opening,
      candidate,
      panel: interview.panel.flatMap((id) => members.get(id) ?? []),
      staff,
      interview: after,
    };
    // The end leaves nothing to reschedule: no link and no new times, only the news and thanks.
    const messageIds = await notifyChange(ctx, collecting, parties, change, { link: null });
    cancelled.push({ id: interview.id, sequence: change.after.sequence });
    history.push({
      interviewId: interview.id,
      at: change.at,
      actor: change.by,
      action: 'cancelled',
      noticeHours: change.notice?.hoursUntilStart ?? null,
      noticeClass: change.notice?.class ?? null,
      reason: change.reason,
      messageId: messageIds[0] ?? null,
      details: { openingEnded: end.status, ...(messageIds.length > 1 ? { messageIds } : {}) },
    });
  }
  await store.interviews.cancelMany(organizationId, cancelled, now);
  await store.openingEnds.dropPendingReminders(organizationId, cancelled.map((c) => c.id), now);
  await store.outbox.enqueueMany(collected);
  await store.interviews.appendHistoryMany(organizationId, history);
  return interviews.length;
}
