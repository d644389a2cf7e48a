import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CalendarSource } from '../../api/calendar-types.ts';
import { ProblemMessage } from '../../ui/problem.tsx';
import { Time } from '../../ui/time.tsx';
import { ConfirmStep } from '../shared/confirm-step.tsx';
import { busyText, CALENDAR_KIND_LABELS, sourceBadgeClass, sourceStatusLabel } from './calendar-words.ts';
import { calendarSourcesKey } from './use-calendar-sources.ts';

/**
 * One calendar source: its kind and masked address, whether Leeway can read it (and the server's words
 * when it cannot), when it last read it and last read it well, how many busy times it found; reading it
 * now, and removing it.
 */
export function CalendarSourceItem({
  memberId,
  number,
  source,
  zone,
  onSynced,
  onRemoved,
}: {
  memberId: string;
  /** Its place in the member's list: masked addresses of two feeds on one host read the same. */
  number: number;
  source: CalendarSource;
  zone: string;
  onSynced: (source: CalendarSource) => void;
  onRemoved: (source: CalendarSource) => void;
}) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const path = `/api/v1/members/${encodeURIComponent(memberId)}/calendars/${encodeURIComponent(source.id)}`;
  const name = `Calendar ${number}, ${CALENDAR_KIND_LABELS[source.kind]}`;
  const refresh = () => client.invalidateQueries({ queryKey: calendarSourcesKey(memberId) });
  const sync = useMutation({
    mutationFn: () => api.post<CalendarSource>(`${path}/sync`),
    onSuccess: (read) => {
      onSynced(read);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete<void>(path),
    onSuccess: () => {
      onRemoved(source);
      void refresh();
    },
  });

  return (
    <article className="card calendar-source" aria-labelledby={`calendar-${source.id}`}>
      <div className="row webhook-head">
        <h3 className="calendar-kind" id={`calendar-${source.id}`}>{name}</h3>
        <span className={`badge ${sourceBadgeClass(source)}`}>{sourceStatusLabel(source)}</span>
      </div>
      <dl className="facts">
        <dt>Address</dt>
        <dd className="break-anywhere">
          <code>{source.url}</code>
          <span className="block muted small">Only the start of the address is shown: the rest is kept secret, as it gives access to the calendar.</span>
          {source.kind === 'caldav' && (
            <span className="block muted small">
              {source.username ? `User ${source.username}` : 'No user name'} · {source.hasPassword ? 'password kept encrypted' : 'no password'}
            </span>
          )}
        </dd>
        {source.status === 'error' && source.error && (
          <>
            <dt>Problem</dt>
            <dd>
              <span className="problem-text">{source.error}</span>
              <span className="block muted small">
                {source.kind === 'caldav' ? 'To correct the address, user name or password, remove it and add it again.' : 'To correct the address, remove it and add it again.'}
              </span>
            </dd>
          </>
        )}
        <dt>Last read</dt>
        <dd>
          {source.lastSyncAt ? <Time iso={source.lastSyncAt} zone={zone} /> : 'Not yet'}
          {source.lastSyncAt && source.status === 'error' && (
            <span className="block muted small">
              {source.lastSuccessAt ? (
                <>
                  Last read well <Time iso={source.lastSuccessAt} zone={zone} />: the busy times from then still count.
                </>
              ) : (
                'Never read well: none of its busy times count yet.'
              )}
            </span>
          )}
        </dd>
        <dt>Busy times</dt>
        <dd>{source.lastSuccessAt ? busyText(source.busyCount) : 'None read yet'}</dd>
        {source.nextSyncAt && (
          <>
            <dt>Next read</dt>
            <dd>
              <Time iso={source.nextSyncAt} zone={zone} />
            </dd>
          </>
        )}
      </dl>
      {!confirming && (
        <div className="row">
          <button type="button" onClick={() => sync.mutate()} disabled={sync.isPending}>
            {sync.isPending ? 'Reading…' : 'Sync now'}
            <span className="visually-hidden"> {name}</span>
          </button>
          <button type="button" onClick={() => setConfirming(true)}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      <ProblemMessage error={sync.error} />
      {confirming && (
        <ConfirmStep
          question={`Remove ${name}?`}
          confirmLabel="Remove the calendar"
          pendingLabel="Removing…"
          pending={remove.isPending}
          error={remove.error}
          danger
          onConfirm={() => remove.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>Its busy times stop counting for new bookings at once. Its address{source.hasPassword ? ' and password are' : ' is'} forgotten.</p>
        </ConfirmStep>
      )}
    </article>
  );
}
