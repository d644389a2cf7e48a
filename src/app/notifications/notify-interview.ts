import type { Store } from '../../store/index.ts';
import type { AppContext } from '../context.ts';
import type { InterviewParties } from '../interviews/parties.ts';
import { buildCalendarFor } from './calendar.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { planInterviewEmails } from './interview-emails.ts';
import type { InterviewEvent } from './interview-emails.ts';

const HOUR_MS = 3_600_000;

/**
 * Writes every email an interview event sends into the outbox, in the caller's transaction, and returns
 * their Message-IDs (recorded in the history as what was said).
 */
export async function notifyInterviewEvent(
  ctx: AppContext,
  store: Store,
  parties: InterviewParties,
  event: InterviewEvent,
): Promise<string[]> {
  const now = ctx.clock();
  const link = 'link' in event ? event.link : undefined;
  const booking = event.type === 'scheduled' || event.type === 'rescheduled';
  const calendars = {
    // The candidate's link is theirs alone: it goes in their copy of the invitation, never the panel's.
    request: booking ? buildCalendarFor(parties, 'REQUEST', ctx.config, now, link ? { candidate: link } : {}) : null,
    panelRequest: booking ? buildCalendarFor(parties, 'REQUEST', ctx.config, now) : null,
    cancel:
      event.type === 'cancelled'
        ? buildCalendarFor(parties, 'CANCEL', ctx.config, now)
        : event.type === 'new_times_requested'
          ? // The interview no longer has a time; the CANCEL names the one being withdrawn.
            buildCalendarFor({ ...parties, interview: { ...parties.interview, start: event.previousStart, end: event.previousEnd } }, 'CANCEL', ctx.config, now)
          : null,
  };
  const plan = planInterviewEmails(parties, event, calendars, now);
  const ids: string[] = [];
  for (const email of plan.emails) {
    ids.push(
      await enqueueEmail(
        store,
        { organizationId: parties.organization.id, interviewId: parties.interview.id, from: ctx.config.mailFrom, at: now },
        email,
      ),
    );
  }
  return ids;
}

/**
 * Queues the reminders of a scheduled interview at the organization's reminder hours (those still ahead),
 * replacing any queued for an earlier time.
 */
export async function scheduleReminders(
  ctx: AppContext,
  store: Store,
  parties: InterviewParties,
  link: string,
): Promise<string[]> {
  await store.outbox.cancelPending(parties.organization.id, parties.interview.id, 'reminder', ctx.clock());
  const start = parties.interview.start;
  if (!start || parties.interview.status !== 'scheduled') return [];
  const now = ctx.clock();
  const ids: string[] = [];
  for (const hoursBefore of [...new Set(parties.organization.reminders)].sort((a, b) => b - a)) {
    const sendAt = new Date(start.getTime() - hoursBefore * HOUR_MS);
    if (sendAt.getTime() <= now.getTime()) continue;
    ids.push(...(await notifyInterviewEvent(ctx, store, parties, { type: 'reminder', hoursBefore, link, sendAt })));
  }
  return ids;
}

/** Drops queued reminders of an interview that was cancelled or moved. */
export async function cancelReminders(store: Store, parties: InterviewParties, at: Date): Promise<void> {
  await store.outbox.cancelPending(parties.organization.id, parties.interview.id, 'reminder', at);
}
