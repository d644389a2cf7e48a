import type { Interview } from '../../api/interview-types.ts';
import { formatClock, zoneLabel } from '../../ui/format-time.ts';
import { SEAT_LABELS } from '../shared/vocabulary.ts';

/**
 * Each panel seat: who, the interview's start in their own zone, where the seat stands; a seat that
 * holds the time can be declined for them. A list rather than a table, so it reads well on a phone.
 */
export function PanelSeats({ interview, zone, onDecline }: { interview: Interview; zone: string; onDecline: ((memberId: string) => void) | null }) {
  const seats = interview.seats ?? (interview.panelMembers ?? []).map((m) => ({ ...m, status: 'not_booked' as const }));
  return (
    <>
      <h3 id="panel-heading">Panel</h3>
      <ul className="seat-list" aria-labelledby="panel-heading">
        {seats.map((seat) => (
          <li key={seat.id} className={`seat seat-${seat.status}`}>
            <span className="seat-name">{seat.name}</span>
            <span className="seat-time muted">
              {interview.start && seat.status !== 'replaced' ? `${formatClock(interview.start, seat.timezone)} ` : ''}
              {zoneLabel(seat.timezone)} time{seat.timezone === zone ? ', as the organization' : ''}
            </span>
            <span className={`badge seat-badge-${seat.status}`}>{SEAT_LABELS[seat.status]}</span>
            {onDecline && seat.status === 'booked' && (
              <button type="button" className="link-button" onClick={() => onDecline(seat.id)}>
                Decline for {seat.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
