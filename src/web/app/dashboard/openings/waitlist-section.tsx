import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client.ts';
import type { WaitlistEntry, WaitlistEntryStatus, WaitlistPage } from '../../api/opening-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { ShortTime, shortTime } from './short-time.tsx';
import { useCandidatesById, useMembers } from './use-directory.ts';
import { WaitlistEntryForm } from './waitlist-entry-form.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';

const STATUS_LABELS: Record<WaitlistEntryStatus, string> = {
  waiting: 'Waiting',
  filled: 'Booked from the waitlist',
  removed: 'Taken off',
  closed: 'Closed with the opening',
};

function windowText(entry: WaitlistEntry, zone: string): string {
  if (entry.earliest && entry.latest) return `${shortTime(entry.earliest, zone)} to ${shortTime(entry.latest, zone)}`;
  if (entry.earliest) return `from ${shortTime(entry.earliest, zone)}`;
  if (entry.latest) return `until ${shortTime(entry.latest, zone)}`;
  return 'Any time';
}

/** Who waits for freed time in this opening, taking one off, and adding one. */
export function WaitlistSection({ openingId, zone, open }: { openingId: string; zone: string; open: boolean }) {
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const waitlist = useQuery({
    queryKey: ['waitlist', openingId],
    queryFn: ({ signal }) => api.get<WaitlistPage>(withQuery(`/api/v1/openings/${openingId}/waitlist`, { limit: 200 }), signal),
  });
  const entries = waitlist.data?.entries ?? [];
  // Only a waiting entry can be taken off; without one the actions column would stand empty.
  const anyActions = entries.some((e) => e.status === 'waiting');
  const candidates = useCandidatesById(entries.map((e) => e.candidateId));
  const members = useMembers();
  const memberName = (id: string) => members.data?.members.find((m) => m.id === id)?.name ?? 'A member';
  const candidateName = (id: string) => candidates.get(id)?.name ?? 'A candidate';
  const remove = useMutation({
    mutationFn: (entry: WaitlistEntry) => api.delete<void>(`/api/v1/openings/${openingId}/waitlist/${entry.id}`),
    onSuccess: (_, entry) => {
      setNotice(`${candidateName(entry.candidateId)} was taken off the waitlist. Any offer they held passes on to the next candidate.`);
      void client.invalidateQueries({ queryKey: ['waitlist', openingId] });
      void client.invalidateQueries({ queryKey: ['offers', openingId] });
      void client.invalidateQueries({ queryKey: ['opening', openingId] });
    },
  });

  return (
    <section aria-labelledby="opening-waitlist">
      <div className="row page-heading">
        <h2 id="opening-waitlist">Waitlist</h2>
        {open && !adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a candidate to the waitlist
          </button>
        )}
      </div>
      <p className="muted">
        When an interview is called off, its freed time is offered to candidates waiting here whose panel and window fit. Times are in {zoneLabel(zone)} time.
      </p>
      <p role="status" className={notice ? 'success' : 'visually-hidden'}>
        {notice}
      </p>
      {adding && (
        <div className="card org-card">
          <h3>Add a candidate to the waitlist</h3>
          <WaitlistEntryForm
            openingId={openingId}
            zone={zone}
            waitingIds={new Set(entries.filter((e) => e.status === 'waiting').map((e) => e.candidateId))}
            onAdded={(entry, name) => {
              setAdding(false);
              setNotice(`${name} is on the waitlist for ${entry.durationMinutes} minutes with ${entry.panel.map(memberName).join(', ')}.`);
            }}
          />
        </div>
      )}
      {waitlist.isPending && <Loading what="the waitlist" />}
      <ProblemMessage error={waitlist.error ?? remove.error} />
      {waitlist.data && entries.length === 0 && <p className="muted">Nobody is on the waitlist.</p>}
      {entries.length > 0 && (
        <ScrollTable label="Waitlist entries">
          <table className="stacked-table">
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Panel and length</th>
                <th scope="col">Window</th>
                <th scope="col">Status</th>
                {anyActions && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">
                    {candidateName(entry.candidateId)}
                    <span className="muted small block">
                      joined <ShortTime iso={entry.joinedAt} zone={zone} />
                    </span>
                  </th>
                  <td data-label="Panel and length">
                    {entry.panel.map(memberName).join(', ')}
                    <span className="muted small nowrap-line">{entry.durationMinutes} minutes</span>
                  </td>
                  <td data-label="Window">{windowText(entry, zone)}</td>
                  <td data-label="Status">{STATUS_LABELS[entry.status]}</td>
                  {anyActions && (
                    <td className="stacked-actions">
                      {entry.status === 'waiting' && (
                        <button type="button" onClick={() => remove.mutate(entry)} disabled={remove.isPending}>
                          Take off<span className="visually-hidden"> {candidateName(entry.candidateId)}</span>
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
