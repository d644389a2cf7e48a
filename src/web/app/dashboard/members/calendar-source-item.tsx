import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CalendarSource, CalendarSourceChange } from '../../api/calendar-types.ts';
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
  /** After a read; `moveFocus` when the button pressed is gone (the password form closed). */
  onSynced: (source: CalendarSource, moveFocus: boolean) => void;
  onRemoved: (source: CalendarSource) => void;
}) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [changing, setChanging] = useState(false);
  const [password, setPassword] = useState('');
  const fieldId = useId();
  const path = `/api/v1/members/${encodeURIComponent(memberId)}/calendars/${encodeURIComponent(source.id)}`;
  const name = source.label ? `${source.label}, ${CALENDAR_KIND_LABELS[source.kind]}` : `Calendar ${number}, ${CALENDAR_KIND_LABELS[source.kind]}`;
  const refresh = () => client.invalidateQueries({ queryKey: calendarSourcesKey(memberId) });
  const sync = useMutation({
    mutationFn: () => api.post<CalendarSource>(`${path}/sync`),
    onSuccess: (read) => {
      onSynced(read, false);
      void refresh();
    },
  });
  // Only this calendar changes (PATCH …/calendars/{sourceId}); it is then read with the new password.
  const changePassword = useMutation({
    mutationFn: async (newPassword: string) => {
      const change: CalendarSourceChange = { password: newPassword };
      await api.patch<CalendarSource>(path, change);
      return api.post<CalendarSource>(`${path}/sync`);
    },
    onSuccess: (read) => {
      setChanging(false);
      setPassword('');
      onSynced(read, true);
      void refresh();
      void client.invalidateQueries({ queryKey: ['members'] });
    },
  });
  const savePassword = (event: FormEvent) => {
    event.preventDefault();
    changePassword.mutate(password);
  };
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
          <span className="block muted small">Only the start of the address is shown, with a tag that tells it apart: the rest is kept secret, as it gives access to the calendar.</span>
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
                {source.kind === 'caldav' ? 'A refused password can be changed below; to correct the address or user name, remove it and add it again.' : 'To correct the address, remove it and add it again.'}
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
        <dd>
          {source.lastSuccessAt ? busyText(source.busyCount) : 'None read yet'}
          {source.warning && <span className="block warning-text">{source.warning}</span>}
        </dd>
        {source.nextSyncAt && (
          <>
            <dt>Next read</dt>
            <dd>
              <Time iso={source.nextSyncAt} zone={zone} />
            </dd>
          </>
        )}
      </dl>
      {!confirming && !changing && (
        <div className="row">
          <button type="button" onClick={() => sync.mutate()} disabled={sync.isPending}>
            {sync.isPending ? 'Reading…' : 'Sync now'}
            <span className="visually-hidden"> {name}</span>
          </button>
          {source.kind === 'caldav' && (
            <button
              type="button"
              onClick={() => {
                changePassword.reset();
                setChanging(true);
              }}
            >
              Change the password<span className="visually-hidden"> of {name}</span>
            </button>
          )}
          <button type="button" onClick={() => setConfirming(true)}>
            Remove<span className="visually-hidden"> {name}</span>
          </button>
        </div>
      )}
      <ProblemMessage error={sync.error} />
      {changing && (
        <form className="stack confirm-step" onSubmit={savePassword} aria-label={`New password for ${name}`}>
          <div className="field">
            <label htmlFor={`${fieldId}-password`}>New password for {source.username ?? 'this calendar'}</label>
            <input
              id={`${fieldId}-password`}
              type="password"
              autoComplete="new-password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <ProblemMessage error={changePassword.error} />
          <div className="row">
            <button type="submit" className="primary" disabled={changePassword.isPending || password === ''}>
              {changePassword.isPending ? 'Saving and reading…' : 'Save the password'}
            </button>
            <button type="button" onClick={() => setChanging(false)} disabled={changePassword.isPending}>
              Cancel
            </button>
          </div>
        </form>
      )}
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
