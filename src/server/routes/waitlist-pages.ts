import type { Context, Hono } from 'hono';
import { claimOffer, declineOffer, viewOffer } from '../../app/waitlist/claim.ts';
import type { OfferView } from '../../app/waitlist/claim.ts';
import { isOfferToken } from '../../app/waitlist/offer-token.ts';
import { isDomainError } from '../../core/errors.ts';
import { offeredInterviewLine } from '../../core/messages/render-waitlist.ts';
import type { ServerEnv } from '../env.ts';
import { renderMissingLinkPage } from '../pages/candidate-page.ts';
import { escapeHtml as e } from '../pages/escape-html.ts';
import { linkPageHeaders, withWebApp } from '../pages/with-web-app.ts';


const STYLE = 'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem}.ok{color:#145214}.error{color:#8a1c1c}';

const STATE_TEXT: Record<OfferView['offer']['state'], string> = {
  open: '',
  taken: 'Someone else on the waitlist claimed this time first, or it is no longer free. You are still on the waitlist.',
  expired: 'This offer has expired. You are still on the waitlist, and we will write again when another time opens up.',
  claimed: 'You claimed this time: your interview is booked, and the confirmation is in your email.',
  declined: 'You passed this time on. You are still on the waitlist.',
  ended: 'This offer no longer stands: you are no longer on the waitlist for this role.',
};

/**
 * What a claimed offer's page says, from where the booked interview stands now: it may have been
 * cancelled or moved on since the claim, and the page must not keep calling it booked.
 */
function claimedText(status: OfferView['offer']['interviewStatus']): string {
  switch (status) {
    case 'scheduled':
    case null:
      return STATE_TEXT.claimed;
    case 'cancelled':
      return 'You claimed this time, but that interview has since been cancelled; the email about it says why.';
    case 'completed':
    case 'no_show':
    case 'ended_early':
      return 'You claimed this time; that interview is over.';
    default:
      return 'You claimed this time, but that interview is no longer booked.';
  }
}

/** The offer's page: what is offered, until when, and a button to claim it or pass it on. */
export function renderOfferPage(view: OfferView, token: string, banner?: { kind: 'ok' | 'error'; text: string }): string {
  const { offer } = view;
  const parts = [
    `<h1>${e(offer.opening.title)} interview · ${e(offer.organization.name)}</h1>`,
    banner ? `<p class="${banner.kind}">${e(banner.text)}</p>` : '',
    `<p>A ${e(offer.durationMinutes)}-minute interview on <strong>${e(offer.startLocal)}</strong>. ${e(offeredInterviewLine(offer.interview))}</p>`,
    offer.state === 'open'
      ? `<p>Claim it by ${e(offer.expiresLocal)}.</p>
<form method="post" action="/c/${e(token)}/claim"><button type="submit">Claim this time</button></form>
<form method="post" action="/c/${e(token)}/decline-offer"><button type="submit">Pass it on</button></form>`
      : `<p>${e(offer.state === 'claimed' ? claimedText(offer.interviewStatus) : STATE_TEXT[offer.state])}</p>`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${e(offer.opening.title)} interview · ${e(offer.organization.name)}</title><style>${STYLE}</style></head>
<body><main>${parts.filter(Boolean).join('\n')}</main></body></html>`;
}

async function page(c: Context<ServerEnv>, token: string, status: 200 | 409, banner?: { kind: 'ok' | 'error'; text: string }) {
  try {
    return c.body(withWebApp(renderOfferPage(await viewOffer(c.get('ctx'), token), token, banner), c.get('web')), status, linkPageHeaders(c.get('web')));
  } catch (error) {
    if (isDomainError(error, 'NOT_FOUND')) return c.body(renderMissingLinkPage(), 404, linkPageHeaders(c.get('web')));
    throw error;
  }
}

/**
 * The page behind an offer link (`/c/lw_offer_…`), registered before the candidate's pages: other tokens
 * pass on to them untouched. A claim leads to the new interview's own page; a decline back to the offer's.
 */
export function registerWaitlistPages(app: Hono<ServerEnv>): void {
  app.get('/c/:token', async (c, next) => {
    const token = c.req.param('token');
    if (!isOfferToken(token)) return next();
    return page(c, token, 200);
  });
  app.post('/c/:token/:action', async (c, next) => {
    const token = c.req.param('token');
    const action = c.req.param('action');
    if (!isOfferToken(token) || (action !== 'claim' && action !== 'decline-offer')) return next();
    try {
      if (action === 'claim') {
        const claimed = await claimOffer(c.get('ctx'), token);
        return c.redirect(new URL(claimed.candidateLink).pathname, 303);
      }
      await declineOffer(c.get('ctx'), token);
      // Post/redirect/get: the offer's page now says it was passed on, and a refresh sends nothing again.
      return c.redirect(`/c/${encodeURIComponent(token)}`, 303);
    } catch (error) {
      if (isDomainError(error, 'NOT_FOUND')) return c.body(renderMissingLinkPage(), 404, linkPageHeaders(c.get('web')));
      if (isDomainError(error)) return page(c, token, 409, { kind: 'error', text: error.message });
      throw error;
    }
  });
}
