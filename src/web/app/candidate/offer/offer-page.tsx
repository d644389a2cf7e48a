import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ClaimedInterview, OfferView, WaitlistOffer } from '../../api/candidate-types.ts';
import { formatClock } from '../../ui/format-time.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { linkKey, useLinkAction } from '../use-link.ts';
import { Countdown } from './countdown.tsx';
import { OfferClaimed } from './offer-claimed.tsx';

/** What an offer that can no longer be claimed says, by the server's state. */
const CLOSED: Record<Exclude<WaitlistOffer['state'], 'open'>, string> = {
  taken: 'This time has gone to someone else, or is no longer free. You are still on the waitlist, and the next freed time that suits you is offered to you.',
  expired: 'This offer has expired, and the time has been offered to the next person on the waitlist. You are still on the waitlist.',
  claimed: 'You claimed this time: your interview is booked.',
  declined: 'You passed this time on. You are still on the waitlist.',
  ended: 'You are no longer on the waitlist for this opening, so this offer has ended.',
};

/**
 * A waitlist offer of freed time: what and when, a live countdown to its expiry, and claiming it in one
 * click (or passing it on). Claiming books the interview at once.
 */
export function OfferPage({ token, offer }: { token: string; offer: WaitlistOffer }) {
  useTitle(`A time offered to you by ${offer.organization.name}`);
  const client = useQueryClient();
  const [claimed, setClaimed] = useState<ClaimedInterview | null>(null);
  // Once the countdown runs out the buttons go, whatever the server says on its next reading.
  const [runOut, setRunOut] = useState(false);
  const claim = useLinkAction<ClaimedInterview>(token, '/claim', setClaimed);
  const pass = useLinkAction<OfferView>(token, '/decline-offer');
  const zone = offer.candidateTimezone;
  const refresh = useCallback(() => {
    setRunOut(true);
    void client.invalidateQueries({ queryKey: linkKey(token) });
  }, [client, token]);

  return (
    <>
      <h1>A time has opened up for you</h1>
      {claimed && <OfferClaimed interview={claimed} zone={zone} organization={offer.organization.name} />}
      <section className="card" aria-labelledby="offer-heading">
        <h2 id="offer-heading">
          {offer.opening.title} at {offer.organization.name}
        </h2>
        <p>
          <Time iso={offer.start} zone={zone} /> to {formatClock(offer.end, zone)} ({offer.durationMinutes} min)
        </p>
        {offer.state === 'open' ? (
          <>
            <Countdown until={offer.expiresAt} zone={zone} onEnd={refresh} />
            {!runOut && (
              <div className="row">
                {offer.actions.includes('claim') && (
                  <button type="button" className="primary" disabled={claim.isPending || pass.isPending} onClick={() => claim.mutate(undefined)}>
                    {claim.isPending ? 'Claiming…' : 'Claim this time'}
                  </button>
                )}
                {offer.actions.includes('decline-offer') && (
                  <button type="button" disabled={claim.isPending || pass.isPending} onClick={() => pass.mutate(undefined)}>
                    Pass it on
                  </button>
                )}
              </div>
            )}
            {!runOut && <p className="muted">Passing it on offers the time to the next person; you stay on the waitlist.</p>}
          </>
        ) : null}
        {/* Always present, so a passed-on or run-out offer's new state is announced when it arrives. */}
        <div aria-live="polite">{offer.state !== 'open' && !claimed && <p className="status-note">{CLOSED[offer.state]}</p>}</div>
        <ProblemMessage error={claim.error ?? pass.error} />
      </section>
    </>
  );
}
