import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { WaitlistEntry, WaitlistEntryInput } from '../../api/opening-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { FieldErrorMap, FieldErrorText, FormProblem } from '../../ui/field-errors.tsx';
import { Loading } from '../../ui/problem.tsx';
import { useCandidates, useMembers } from './use-directory.ts';
import { instantOfLocal } from './zoned-time.ts';

interface Props {
  openingId: string;
  zone: string;
  /** Candidates already waiting: not offered again. */
  waitingIds: Set<string>;
  onAdded: (entry: WaitlistEntry, candidateName: string) => void;
}

/** Puts a candidate on the waitlist for freed time with a panel, a length and an optional window. */
export function WaitlistEntryForm({ openingId, zone, waitingIds, onAdded }: Props) {
  const client = useQueryClient();
  const members = useMembers();
  const candidates = useCandidates();
  const [candidateId, setCandidateId] = useState('');
  const [panel, setPanel] = useState<string[]>([]);
  const [duration, setDuration] = useState('60');
  const [earliest, setEarliest] = useState('');
  const [latest, setLatest] = useState('');
  const add = useMutation({
    mutationFn: (input: WaitlistEntryInput) => api.post<WaitlistEntry>(`/api/v1/openings/${openingId}/waitlist`, input),
    onSuccess: (entry) => {
      void client.invalidateQueries({ queryKey: ['waitlist', openingId] });
      void client.invalidateQueries({ queryKey: ['opening', openingId] });
      onAdded(entry, candidates.data?.candidates.find((c) => c.id === entry.candidateId)?.name ?? 'The candidate');
    },
  });
  if (members.isPending || candidates.isPending) return <Loading what="candidates and members" />;
  const errors = new FieldErrorMap(add.error);
  const fieldError = (path: string) => {
    const messages = errors.at(path, true);
    return { messages, props: messages.length ? { 'aria-invalid': true as const, 'aria-describedby': `waitlist-${path}-error` } : {} };
  };
  const candidateError = fieldError('candidateId');
  const panelError = fieldError('panel');
  const durationError = fieldError('durationMinutes');
  const earliestError = fieldError('earliest');
  const latestError = fieldError('latest');
  const choices = (candidates.data?.candidates ?? []).filter((c) => !waitingIds.has(c.id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      candidateId,
      panel,
      durationMinutes: Number(duration),
      earliest: earliest ? instantOfLocal(earliest, zone) : null,
      latest: latest ? instantOfLocal(latest, zone) : null,
    });
  };

  return (
    <form onSubmit={submit} className="stack" noValidate>
      <FormProblem error={add.error} unplaced={errors.outside(['candidateId', 'panel', 'durationMinutes', 'earliest', 'latest'])} />
      <div className="field-grid">
        <div className="field">
          <label htmlFor="waitlist-candidate">Candidate</label>
          <select id="waitlist-candidate" value={candidateId} onChange={(e) => setCandidateId(e.target.value)} {...candidateError.props}>
            <option value="">Choose a candidate</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.email})
              </option>
            ))}
          </select>
          <FieldErrorText id="waitlist-candidateId-error" messages={candidateError.messages} />
        </div>
        <div className="field">
          <label htmlFor="waitlist-duration">Length (minutes)</label>
          <input id="waitlist-duration" type="number" min={5} max={1440} step={5} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} {...durationError.props} />
          <FieldErrorText id="waitlist-durationMinutes-error" messages={durationError.messages} />
        </div>
        <div className="field">
          <label htmlFor="waitlist-earliest">Not before (optional, {zoneLabel(zone)} time)</label>
          <input id="waitlist-earliest" type="datetime-local" value={earliest} onChange={(e) => setEarliest(e.target.value)} {...earliestError.props} />
          <FieldErrorText id="waitlist-earliest-error" messages={earliestError.messages} />
        </div>
        <div className="field">
          <label htmlFor="waitlist-latest">Not after (optional, {zoneLabel(zone)} time)</label>
          <input id="waitlist-latest" type="datetime-local" value={latest} onChange={(e) => setLatest(e.target.value)} {...latestError.props} />
          <FieldErrorText id="waitlist-latest-error" messages={latestError.messages} />
        </div>
      </div>
      <fieldset aria-describedby={panelError.messages.length ? 'waitlist-panel-error' : undefined}>
        <legend>Panel</legend>
        <div className="checkbox-grid">
          {(members.data?.members ?? []).map((m) => (
            <label key={m.id} className="inline">
              <input
                type="checkbox"
                checked={panel.includes(m.id)}
                onChange={(e) => setPanel((p) => (e.target.checked ? [...p, m.id] : p.filter((id) => id !== m.id)))}
              />
              {m.name} <span className="muted small">({zoneLabel(m.timezone)})</span>
            </label>
          ))}
        </div>
        <FieldErrorText id="waitlist-panel-error" messages={panelError.messages} />
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add to the waitlist'}
        </button>
      </div>
    </form>
  );
}
