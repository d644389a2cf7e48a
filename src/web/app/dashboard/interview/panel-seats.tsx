import type { Interview } from '../../api/interview-types.ts';
import { formatClock, zoneLabel } from '../../ui/format-time.ts';
import { SEAT_LABELS } from '../shared/vocabulary.ts';

/** Each panel seat: who, their zone and local time, where the seat stands; a booked seat can be declined for them. */
export function PanelSeats({ interview, zone, onDecline }: { interview: Interview; zone: string; onDecline: ((memberId: string) => void) | null }) {
  const seats = interview.seats ?? (interview.panelMembers ?? []).map((m) => ({ ...m, status: 'not_booked' as const }));
  return (
    <>
      <h3 id="panel-heading">Panel</h3>
      {/* Focusable so a keyboard can scroll it when a narrow screen cuts it off. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="panel-heading">
        <table className="seats">
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col">Their time</th>
              <th scope="col">Seat</th>
              {onDecline && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {seats.map((seat) => (
              <tr key={seat.id} className={`seat-${seat.status}`}>
                <th scope="row">{seat.name}</th>
                <td>
                  {interview.start && seat.status !== 'replaced' ? `${formatClock(interview.start, seat.timezone)} ` : ''}
                  <span className="muted">{zoneLabel(seat.timezone)} time</span>
                  {seat.timezone === zone && <span className="muted"> (same as the organization)</span>}
                </td>
                <td>
                  <span className={`badge seat-badge-${seat.status}`}>{SEAT_LABELS[seat.status]}</span>
                </td>
                {onDecline && (
                  <td>
                    {seat.status === 'booked' && (
                      <button type="button" className="link-button" onClick={() => onDecline(seat.id)}>
                        Decline for {seat.name}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
