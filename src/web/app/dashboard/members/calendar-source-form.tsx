import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CalendarKind, CalendarSource, CalendarSourceInput } from '../../api/calendar-types.ts';
import { ApiError } from '../../api/client.ts';
import { FieldErrorMap, FieldErrorText, FormProblem } from '../../ui/field-errors.tsx';
import { CALENDAR_KIND_LABELS } from './calendar-words.ts';

const URL_HINTS: Record<CalendarKind, string> = {
  ics: 'The calendar’s secret address in iCal format: in Google Calendar, Settings → the calendar → “Secret address in iCal format”; in Outlook, Settings → Calendar → Shared calendars → Publish a calendar → the ICS link; in Apple Calendar, Share Calendar → Public Calendar.',
  caldav: 'The calendar collection’s address on the CalDAV server (e.g. https://dav.example.com/alice/work/). Leeway asks it only for the busy times in the weeks ahead.',
};

/** What adding did: the source as first read, or as added when reading it at once failed to happen. */
export interface AddedSource {
  source: CalendarSource;
  readProblem: string | null;
}

/**
 * Adds a calendar source: a feed address, or a CalDAV calendar with its user name and password — and
 * reads it at once, so the result (its busy times, or why it cannot be read) shows now rather than at
 * the next background refresh. The password field is never filled back: the server keeps the password
 * sealed and never returns it.
 */
export function CalendarSourceForm({ memberId, memberName, onAdded, onCancel }: { memberId: string; memberName: string; onAdded: (added: AddedSource) => void; onCancel: () => void }) {
  const id = useId();
  const [kind, setKind] = useState<CalendarKind>('ics');
  const [url, setUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const add = useMutation({
    mutationFn: async (input: CalendarSourceInput): Promise<AddedSource> => {
      const base = `/api/v1/members/${encodeURIComponent(memberId)}/calendars`;
      const source = await api.post<CalendarSource>(base, input);
      try {
        return { source: await api.post<CalendarSource>(`${base}/${encodeURIComponent(source.id)}/sync`), readProblem: null };
      } catch (error) {
        // Added all the same: the background refresh reads it shortly.
        return { source, readProblem: error instanceof ApiError ? error.message : 'It could not be read just now.' };
      }
    },
    onSuccess: (added) => {
      setPassword('');
      onAdded(added);
    },
  });
  const errors = new FieldErrorMap(add.error);
  const urlErrors = errors.at('url');
  const usernameErrors = errors.at('username');
  const passwordErrors = errors.at('password');
  const labelErrors = errors.at('label');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CalendarSourceInput = { kind, url: url.trim() };
    if (label.trim()) input.label = label.trim();
    if (kind === 'caldav') {
      if (username.trim()) input.username = username.trim();
      if (password) input.password = password;
    }
    add.mutate(input);
  };

  return (
    <form onSubmit={submit} className="stack" noValidate aria-label={`Add a calendar for ${memberName}`}>
      <FormProblem error={add.error} unplaced={errors.outside(['url', 'username', 'password', 'label'])} />
      <fieldset>
        <legend>Kind of calendar</legend>
        <div className="row">
          {(Object.keys(CALENDAR_KIND_LABELS) as CalendarKind[]).map((k) => (
            <label key={k} className="inline">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {CALENDAR_KIND_LABELS[k]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-url`}>{kind === 'ics' ? 'Feed address (URL)' : 'CalDAV calendar address (URL)'}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-invalid={urlErrors.length > 0 || undefined}
          aria-describedby={`${id}-url-hint${urlErrors.length ? ` ${id}-url-error` : ''}`}
        />
        <span id={`${id}-url-hint`} className="hint">
          {URL_HINTS[kind]}
        </span>
        <FieldErrorText id={`${id}-url-error`} messages={urlErrors} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Name (optional)</label>
        <input
          id={`${id}-label`}
          placeholder="Work (Google)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          aria-invalid={labelErrors.length > 0 || undefined}
          aria-describedby={labelErrors.length ? `${id}-label-error` : undefined}
        />
        <FieldErrorText id={`${id}-label-error`} messages={labelErrors} />
      </div>
      {kind === 'caldav' && (
        <div className="field-grid">
          <div className="field">
            <label htmlFor={`${id}-username`}>User name</label>
            <input
              id={`${id}-username`}
              autoComplete="off"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={usernameErrors.length > 0 || undefined}
              aria-describedby={usernameErrors.length ? `${id}-username-error` : undefined}
            />
            <FieldErrorText id={`${id}-username-error`} messages={usernameErrors} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Password</label>
            <input
              id={`${id}-password`}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordErrors.length > 0 || undefined}
              aria-describedby={`${id}-password-hint${passwordErrors.length ? ` ${id}-password-error` : ''}`}
            />
            <span id={`${id}-password-hint`} className="hint">
              Kept encrypted and never shown again; an app password is best where the server offers one.
            </span>
            <FieldErrorText id={`${id}-password-error`} messages={passwordErrors} />
          </div>
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={add.isPending}>
          {add.isPending ? 'Adding and reading…' : 'Add the calendar'}
        </button>
        <button type="button" onClick={onCancel} disabled={add.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
