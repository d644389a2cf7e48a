import type { Context, Hono } from 'hono';
import {
  acceptOfferedSlot,
  cancelByCandidate,
  declineByCandidate,
  raiseConcern,
  rescheduleByCandidate,
  withdrawByCandidate,
} from '../../app/interviews/candidate-actions.ts';
import type { CandidateActionResult } from '../../app/interviews/candidate-actions.ts';
import { confirmCandidateAction, isConfirmableAction } from '../../app/interviews/candidate-confirmation.ts';
import { suggestRescheduleTimes, viewCandidateLink } from '../../app/interviews/candidate-link.ts';
import type { AppContext } from '../../app/context.ts';
import { isConcernCategory } from '../../core/concerns.ts';
import { isDomainError } from '../../core/errors.ts';
import { CANDIDATE_MOVE_REASONS, CANDIDATE_REASONS } from '../../core/reasons.ts';
import type { CandidateReason } from '../../core/reasons.ts';
import type { ServerEnv } from '../env.ts';
import { renderCandidatePage, renderMissingLinkPage } from '../pages/candidate-page.ts';
import { linkPageHeaders, withWebApp } from '../pages/with-web-app.ts';


type Form = Record<string, string>;

function text(form: Form, name: string): string | null {
  const value = form[name]?.trim();
  return value ? value : null;
}

function reason(form: Form, offered: readonly CandidateReason[] = CANDIDATE_REASONS): CandidateReason {
  const value = form.reason;
  if (!value || !(offered as readonly string[]).includes(value)) throw new FormError('Choose a reason from the list.');
  return value as CandidateReason;
}

/** A reason is optional when moving (none given is none stated), and one of those that go with a move. */
function moveReason(form: Form): CandidateReason | null {
  return form.reason ? reason(form, CANDIDATE_MOVE_REASONS) : null;
}

class FormError extends Error {}

const ACTIONS: Record<string, (ctx: AppContext, token: string, form: Form) => Promise<CandidateActionResult>> = {
  accept: (ctx, token, form) => acceptOfferedSlot(ctx, token, { start: instant(form.start) }),
  reschedule: (ctx, token, form) =>
    form.requestNewTimes === 'true'
      ? rescheduleByCandidate(ctx, token, { requestNewTimes: true, note: text(form, 'note') })
      : rescheduleByCandidate(ctx, token, { start: instant(form.start), reason: moveReason(form), note: text(form, 'note') }),
  cancel: (ctx, token, form) =>
    cancelByCandidate(ctx, token, { reason: reason(form), note: text(form, 'note'), message: text(form, 'message'), calledAhead: form.calledAhead === 'true' }),
  decline: (ctx, token, form) => {
    const name = text(form, 'referralName');
    const email = text(form, 'referralEmail');
    if ((name === null) !== (email === null)) throw new FormError('A referral needs both a name and an email.');
    return declineByCandidate(ctx, token, {
      reason: reason(form),
      message: text(form, 'message'),
      keepInTouch: form.keepInTouch === 'true',
      referral: name && email ? { name, email } : null,
    });
  },
  withdraw: (ctx, token, form) => withdrawByCandidate(ctx, token, { reason: reason(form), message: text(form, 'message') }),
  concern: (ctx, token, form) => {
    const details = text(form, 'details');
    const category = form.category ?? 'other';
    if (!details) throw new FormError('Tell us what happened.');
    if (!isConcernCategory(category)) throw new FormError('Choose what the concern is about.');
    return raiseConcern(ctx, token, { category, details: details.slice(0, 10_000) });
  },
};

/** What the page says once the history shows the action happened, by the history line it wrote. */
const DONE: Record<string, string> = {
  accepted: 'Thank you — your interview is booked. A calendar invitation is on its way.',
  rescheduled: 'Thank you for letting us know. Your interview is moved, and the panel has the new time.',
  new_times_requested: 'Your request for other times is recorded; an email with what comes next is on its way to you.',
  cancelled: 'Your interview is cancelled, and the panel has been told. Thank you for letting us know.',
  declined: 'Thank you for letting us know. We have passed it on.',
  withdrawn: 'You have withdrawn from the process. Thank you for your time.',
  concern_raised: 'Your report went to HR, confidentially.',
};

function instant(value: string | undefined): Date {
  const date = value ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new FormError('Choose a time from the list.');
  return date;
}

type Banner = NonNullable<Parameters<typeof renderCandidatePage>[0]['banner']>;

/** The confirmation of `?done=…`, from the interview's history: none when the candidate did not just do that. */
async function confirmationBanner(ctx: AppContext, token: string, done: string | undefined): Promise<Banner | undefined> {
  if (!done || !isConfirmableAction(done)) return undefined;
  const confirmed = await confirmCandidateAction(ctx, token, done);
  if (!confirmed) return undefined;
  const text =
    confirmed.delivered === false
      ? 'Your report is recorded, but the organization has no HR contact on file: please also raise it with them directly.'
      : (DONE[confirmed.recorded] ?? 'Done.');
  return { kind: 'ok', text, ...(confirmed.phoneScript ? { phoneScript: confirmed.phoneScript } : {}) };
}

async function page(c: Context<ServerEnv>, token: string, status: 200 | 400 | 404 | 409 | 422, given?: Banner) {
  const ctx = c.get('ctx');
  try {
    const banner = given ?? (await confirmationBanner(ctx, token, c.req.query('done')));
    const view = await viewCandidateLink(ctx, token);
    const rescheduleTimes = view.actions.includes('reschedule') ? await suggestRescheduleTimes(ctx, token) : [];
    return c.body(withWebApp(renderCandidatePage({ view, token, rescheduleTimes, ...(banner ? { banner } : {}) }), c.get('web')), status, linkPageHeaders(c.get('web')));
  } catch (error) {
    if (isDomainError(error, 'NOT_FOUND')) return c.body(renderMissingLinkPage(), 404, linkPageHeaders(c.get('web')));
    throw error;
  }
}

/** The candidate's page behind the link in their messages: plain HTML forms over the same use cases as the API. */
export function registerCandidatePages(app: Hono<ServerEnv>): void {
  app.get('/c/:token', (c) => page(c, c.req.param('token'), 200));

  // Post/redirect/get: a done action answers 303 to the page, which confirms it from the history, so a
  // refresh shows the confirmation again and never sends the form twice.
  app.post('/c/:token/:action', async (c) => {
    const token = c.req.param('token');
    const action = c.req.param('action');
    const run = ACTIONS[action];
    // The link itself may be fine: its page says what there is to do (and a wrong link is still told apart).
    if (!run) return page(c, token, 404, { kind: 'error', text: 'There is nothing to do at that address: use the forms on this page.' });
    const form = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    try {
      await run(c.get('ctx'), token, form);
      c.header('referrer-policy', 'no-referrer');
      c.header('cache-control', 'no-store');
      return c.redirect(`/c/${encodeURIComponent(token)}?done=${action}`, 303);
    } catch (error) {
      if (error instanceof FormError) return page(c, token, 400, { kind: 'error', text: error.message });
      if (isDomainError(error, 'NOT_FOUND')) return c.body(renderMissingLinkPage(), 404, linkPageHeaders(c.get('web')));
      if (isDomainError(error)) return page(c, token, error.code === 'VALIDATION' ? 400 : 409, { kind: 'error', text: error.message });
      throw error;
    }
  });
}
