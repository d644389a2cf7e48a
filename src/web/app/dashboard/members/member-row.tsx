import type { Member } from '../../api/member-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { summarizeHours } from './hours-summary.ts';

function limitsText(member: Member): string {
  const parts = [
    member.limits.perDay !== undefined ? `${member.limits.perDay} a day` : '',
    member.limits.perWeek !== undefined ? `${member.limits.perWeek} a week` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'No limit';
}

/** One member in the list: who, where, when they interview, how much, and whom they can stand in for; their calendars open below. */
export function MemberRow({ member, onEdit, onCalendars }: { member: Member; onEdit: () => void; onCalendars: () => void }) {
  return (
    <tr>
      <th scope="row">
        {member.name}
        <br />
        <span className="muted small">{member.email}</span>
      </th>
      <td className="capitalize" data-label="Role">
        {member.role}
      </td>
      <td data-label="Zone">
        {zoneLabel(member.timezone)}
        <br />
        <span className="muted small">{member.timezone}</span>
      </td>
      <td data-label="Working hours (their zone)">
        {summarizeHours(member.workingHours).map((line) => (
          <span key={line} className="nowrap-line">
            {line}
          </span>
        ))}
        {member.bufferMinutes > 0 && <span className="muted small nowrap-line">{member.bufferMinutes} min between interviews</span>}
      </td>
      <td data-label="Limits">{limitsText(member)}</td>
      <td data-label="Pools">
        {member.pools.length > 0 ? member.pools.map((pool) => <span key={pool} className="badge pool">{pool}</span>) : <span className="muted">None</span>}
      </td>
      <td className="stacked-actions">
        <button type="button" onClick={onEdit}>
          Edit<span className="visually-hidden"> {member.name}</span>
        </button>{' '}
        <button type="button" onClick={onCalendars}>
          Calendars<span className="visually-hidden"> of {member.name}</span>
        </button>
      </td>
    </tr>
  );
}
