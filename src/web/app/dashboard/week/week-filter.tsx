import { useQuery } from '@tanstack/react-query';
import type { Member } from '../../api/interview-types.ts';
import { fetchAllPages } from '../shared/fetch-all-pages.ts';
import type { WeekGrouping } from './week-rows.ts';

interface OpeningChoice {
  id: string;
  title: string;
  status: 'open' | 'filled' | 'closed';
}

/** Narrows the week to one interviewer or one opening (the server filters, so a busy week stays light). */
export function WeekFilter({ grouping, value, onChange }: { grouping: WeekGrouping; value: string; onChange: (id: string) => void }) {
  const members = useQuery({
    queryKey: ['members', 'all'],
    queryFn: ({ signal }) => fetchAllPages<Member>('/api/v1/members', 'members', {}, signal),
    enabled: grouping === 'interviewer',
    staleTime: 60_000,
  });
  const openings = useQuery({
    queryKey: ['openings', 'all'],
    queryFn: ({ signal }) => fetchAllPages<OpeningChoice>('/api/v1/openings', 'openings', {}, signal),
    enabled: grouping === 'opening',
    staleTime: 60_000,
  });
  const choices =
    grouping === 'interviewer'
      ? (members.data ?? []).map((m) => ({ id: m.id, label: m.name }))
      : (openings.data ?? []).map((o) => ({ id: o.id, label: o.status === 'open' ? o.title : `${o.title} (${o.status})` }));
  return (
    <label className="week-filter">
      {grouping === 'interviewer' ? 'Show only this interviewer' : 'Show only this opening'}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{grouping === 'interviewer' ? 'All interviewers' : 'All openings'}</option>
        {[...choices]
          .sort((a, b) => a.label.localeCompare(b.label))
          .map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
      </select>
    </label>
  );
}
