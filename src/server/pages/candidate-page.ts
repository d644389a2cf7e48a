import type { CandidateView } from '../../app/interviews/candidate-link.ts';
import { formatDay, formatWhen, labelZone } from '../../core/format-time.ts';
import { CONCERN_CATEGORIES, concernLabel } from '../../core/concerns.ts';
import { describeSpan } from '../../core/notice-policy.ts';
import { CANDIDATE_MOVE_REASONS, CANDIDATE_REASONS, reasonLabel } from '../../core/reasons.ts';
import type { CandidateReason } from '../../core/reasons.ts';
import { escapeHtml as e } from './escape-html.ts';

export interface CandidatePageOptions {
  view: CandidateView;
  token: string;
  rescheduleTimes: Array<{ start: string }>;
  banner?: { kind: 'ok' | 'error'; text: string; phoneScript?: string[] };
}


const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem}section{border:1px solid #d8dde6;border-radius:8px;padding:1rem;margin:1rem 0}
.notice-late,.notice-missed{border-color:#c2410c;background:#fff7ed}.ok{background:#ecfdf5}.error{background:#fef2f2}
label{display:block;margin:.5rem 0}textarea,select,input[type=text],input[type=email]{width:100%;padding:.4rem}
button{padding:.5rem 1rem;margin:.25rem 0}details{margin:.5rem 0}small{color:#555}`;

function reasonSelect(): string {
  return `<label>Reason (shared with the employer as a category only)
<select name="reason" required><option value="" disabled selected>Choose one…</option>${reasonOptions(CANDIDATE_REASONS)}</select></label>`;
}

/** A move's reason is optional, and never one that leaves the process (that is a cancel or a withdrawal). */
function moveReasonSelect(): string {
  return `<label>Reason, if you want to give one (shared as a category only)
<select name="reason"><option value="" selected>No reason given</option>${reasonOptions(CANDIDATE_MOVE_REASONS)}</select></label>`;
}

function reasonOptions(reasons: readonly CandidateReason[]): string {
  return reasons.map((r) => `<option value="${e(r)}">${e(reasonLabel(r))}</option>`).join('');
}

function form(token: string, action: string, body: string, submit: string): string {
  return `<form method="post" action="/c/${e(token)}/${e(action)}">${body}<button type="submit">${e(submit)}</button></form>`;
}

/**
 * The candidate's page behind their private link: the interview, the notice a change would give and what
 * to do about it, and every action as a plain form (works without JavaScript).
 */
export function renderCandidatePage({ view, token, rescheduleTimes, banner }: CandidatePageOptions): string {
  const { interview, notice, actions } = view;
  const zone = interview.candidateTimezone;
  const when = interview.start ? formatWhen(new Date(interview.start), zone) : 'Not yet chosen';
  const orgWhen = interview.start ? formatWhen(new Date(interview.start), interview.organizationTimezone) : null;
  // The place and the call only while the interview is still on (not once cancelled, declined, withdrawn).
  const upcoming = interview.status === 'invited' || interview.status === 'scheduled';
  const parts: string[] = [];
  parts.push(`<h1>${e(interview.opening.title)} — ${e(interview.title)} with ${e(interview.organization.name)}</h1>`);
  if (banner) {
    parts.push(`<section class="${banner.kind}" role="status"><p>${e(banner.text)}</p>${
      banner.phoneScript ? `<p>What to say on the phone:</p><ol>${banner.phoneScript.map((line) => `<li>${e(line)}</li>`).join('')}</ol>` : ''
    }</section>`);
  }
  parts.push(`<section><p><strong>Status:</strong> ${e(interview.status.replace('_', ' '))}</p>
<p><strong>When:</strong> ${e(when)}${orgWhen && interview.organizationTimezone !== zone ? `<br><small>${e(orgWhen)} for the team</small>` : ''}</p>
${interview.panel.length > 0 ? `<p><strong>With:</strong> ${e(interview.panel.map((p) => p.name).join(', '))}</p>` : ''}
${interview.format === 'video' ? '<p><strong>Format:</strong> video call</p>' : interview.format === 'in_person' ? '<p><strong>Format:</strong> in person</p>' : ''}
${upcoming && interview.location ? `<p><strong>Where:</strong> ${e(interview.location)}</p>` : ''}
${upcoming && interview.videoUrl ? `<p><strong>Video:</strong> <a href="${e(interview.videoUrl)}" rel="noreferrer">${e(interview.videoUrl)}</a></p>` : ''}</section>`);
  for (const change of view.clockChanges) {
    // Said in the zone that changes, so the reader checks the clock that moves.
    parts.push(`<section class="notice-late"><p><strong>Clocks change before your interview:</strong> in ${e(labelZone(change.zone).replace(/ time$/, ''))} on ${e(formatDay(new Date(change.at), change.zone))} (UTC${e(change.offsetBefore)} to UTC${e(change.offsetAfter)}). The time above already allows for it.</p></section>`);
  }
  if (notice && interview.status === 'scheduled') {
    parts.push(`<section class="notice-${e(notice.class)}"><p><strong>Notice if you change it now:</strong> ${e(notice.class)} (${e(describeSpan(notice.hoursUntilStart * 3_600_000))} before the start).</p>
<p>${e(notice.advice.text)}</p>${notice.advice.phone ? `<p>Call: <a href="tel:${e(notice.advice.phone.replace(/\s/g, ''))}">${e(notice.advice.phone)}</a></p>` : ''}</section>`);
  }
  if (view.apologyPath) {
    parts.push(`<section class="notice-missed"><p>${e(view.apologyPath.text)}</p>${view.apologyPath.phone ? `<p>Call: ${e(view.apologyPath.phone)}</p>` : ''}</section>`);
  }
  if (actions.includes('accept') && view.offeredSlots && view.offeredSlots.length > 0) {
    parts.push(`<section><h2>Choose a time</h2>${view.offeredSlots
      .map((slot) => form(token, 'accept', `<input type="hidden" name="start" value="${e(slot.start)}">`, formatWhen(new Date(slot.start), zone)))
      .join('')}</section>`);
  }
  if (actions.includes('reschedule')) {
    const options = rescheduleTimes.map((t) => `<option value="${e(t.start)}">${e(formatWhen(new Date(t.start), zone))}</option>`).join('');
    parts.push(`<section><h2>${interview.status === 'invited' ? 'None of these work?' : 'Move it'}</h2>
${options ? form(token, 'reschedule', `<label>Another time the whole panel is free<select name="start">${options}</select></label>${interview.status === 'invited' ? '' : moveReasonSelect()}<label>Private note (only you see it)<textarea name="note" maxlength="5000"></textarea></label>`, interview.status === 'invited' ? 'Take this time' : 'Move to this time') : ''}
${form(token, 'reschedule', '<input type="hidden" name="requestNewTimes" value="true"><label>Note for the recruiting team (optional), such as the times that suit you<textarea name="note" maxlength="5000"></textarea></label>', 'Ask for other times')}</section>`);
  }
  if (actions.includes('cancel')) {
    const late = notice?.class === 'late' || notice?.class === 'missed';
    parts.push(`<section><h2>Cancel</h2><p><small>Cancelling is always possible. The sooner, the better for everyone.</small></p>
${form(
  token,
  'cancel',
  `${reasonSelect()}<label>Message to the employer (optional)<textarea name="message" maxlength="5000"></textarea></label>
<label>Private note (only you see it)<textarea name="note" maxlength="5000"></textarea></label>
${late ? '<label><input type="checkbox" name="calledAhead" value="true"> I have already called the coordinator</label>' : ''}`,
  'Cancel the interview',
)}</section>`);
  }
  if (actions.includes('decline')) {
    parts.push(`<section><h2>Decline</h2>${form(
      token,
      'decline',
      `${reasonSelect()}<label>Message to the employer (optional)<textarea name="message" maxlength="5000"></textarea></label>
<label><input type="checkbox" name="keepInTouch" value="true"> Keep me in mind for future roles</label>
<details><summary>Refer someone else</summary><label>Name<input type="text" name="referralName" maxlength="200"></label><label>Email<input type="email" name="referralEmail" maxlength="320"></label></details>`,
      'Decline the invitation',
    )}</section>`);
  }
  if (actions.includes('withdraw')) {
    parts.push(`<section><h2>Withdraw from the process</h2>${form(token, 'withdraw', `${reasonSelect()}<label>Message to the employer (optional)<textarea name="message" maxlength="5000"></textarea></label>`, 'Withdraw my application')}</section>`);
  }
  parts.push(`<section><h2>Report a concern</h2><p><small>Goes to the organization's HR contact (or, where it has none, its recruiting contact), never to the panel.</small></p>${form(
    token,
    'concern',
    `<label>About<select name="category">${CONCERN_CATEGORIES.map((c) => `<option value="${e(c)}">${e(concernLabel(c))}</option>`).join('')}</select></label><label>What happened<textarea name="details" required maxlength="10000"></textarea></label>`,
    'Send confidentially',
  )}</section>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${e(interview.opening.title)} interview · ${e(interview.organization.name)}</title><style>${STYLE}</style></head>
<body><main>${parts.join('\n')}</main></body></html>`;
}

export function renderMissingLinkPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not valid</title><style>${STYLE}</style></head>
<body><main><h1>This link is not valid</h1><p>It may have expired. Please contact the recruiter who sent it.</p></main></body></html>`;
}
