import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { StandingOffer } from '../../api/opening-types.ts';
import { formatClock, formatDuration } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { useMembers } from './use-directory.ts';

/** Freed time offered to waitlisted candidates that they may still claim, and until when. */
export function StandingOffers({ openingId, zone }: { openingId: string; zone: string }) {
  const offers = useQuery({
    queryKey: ['offers', openingId],
    queryFn: ({ signal }) => api.get<{ offers: StandingOffer[] }>(`/api/v1/openings/${openingId}/offers`, signal),
    refetchInterval: 30_000,
  });
  const members = useMembers();
  const memberName = (id: string) => members.data?.members.find((m) => m.id === id)?.name ?? 'A member';
  const list = offers.data?.offers ?? [];
  return (
    <section aria-labelledby="opening-offers">
      <h2 id="opening-offers">Open waitlist offers</h2>
      {offers.isPending && <Loading what="the offers" />}
      <ProblemMessage error={offers.error} />
      {offers.data && list.length === 0 && <p className="muted">No freed time is on offer right now.</p>}
      {list.length > 0 && (
        <ul className="offer-list">
          {list.map((offer) => (
            <li key={offer.id} className="card">
              <p>
                <strong>{offer.candidate.name}</strong> was offered <Time iso={offer.freedSlot.start} zone={zone} /> to {formatClock(offer.freedSlot.end, zone)} with{' '}
                {offer.freedSlot.panel.map(memberName).join(', ')}.
              </p>
              <p className="muted">
                The offer stands until <Time iso={offer.expiresAt} zone={zone} /> ({formatDuration(Date.parse(offer.expiresAt) - Date.now())}).
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
