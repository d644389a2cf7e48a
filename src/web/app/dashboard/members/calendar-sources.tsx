import { useState } from 'react';
import type { CalendarSource } from '../../api/calendar-types.ts';
import type { Member } from '../../api/member-types.ts';
import { zoneLabel } from '../../ui/format-time.ts';
import { FocusHeading } from '../../ui/focus-heading.tsx';
import { Loading, ProblemMessage } from '../../ui/problem.tsx';
import { useFocusLater } from '../../ui/use-focus-later.ts';
import { CalendarSourceForm } from './calendar-source-form.tsx';
import type { AddedSource } from './calendar-source-form.tsx';
import { CalendarSourceItem } from './calendar-source-item.tsx';
import { busyText, CALENDAR_KIND_LABELS, sourceStatusLabel } from './calendar-words.ts';
import { useCalendarSources } from './use-calendar-sources.ts';

/** What a read found, in words: up to date with so many busy times, or the server's reason it failed. */
function readResult(source: CalendarSource): string {
  const kind = CALENDAR_KIND_LABELS[source.kind];
  if (source.status === 'error') return `The ${kind} could not be read: ${source.error ?? 'no reason given'}`;
  if (source.status === 'pending') return `The ${kind} has not been read yet; Leeway reads it in a moment.`;
  return `The ${kind} was read: ${sourceStatusLabel(source).toLowerCase()}, ${busyText(source.busyCount).toLowerCase()}.`;
}

function addedResult({ source, readProblem }: AddedSource): string {
  const added = `Added the ${CALENDAR_KIND_LABELS[source.kind]}.`;
  if (readProblem) return `${added} Reading it failed for now (${readProblem}); Leeway tries again in the background.`;
  return `${added} ${readResult(source)}`;
}

/**
 * A member's own calendars: busy times read from them count in slot search and booking, next to the
 * interviews Leeway booked. Adding, reading now and removing one; each result is announced.
 */
export function CalendarSources({ member, zone, onClose }: { member: Member; zone: string; onClose: () => void }) {
  const sources = useCalendarSources(member.id);
  const refetch = sources.refetch;
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ text: string; problem: boolean } | null>(null);
  const [noticeRef, focusNotice] = useFocusLater<HTMLParagraphElement>();
  const [addRef, focusAdd] = useFocusLater<HTMLButtonElement>();
  const list = sources.data?.calendars ?? [];
  const say = (text: string, problem: boolean, focus: boolean) => {
    setNotice({ text, problem });
    if (focus) focusNotice();
  };

  return (
    <section className="card org-card calendars" aria-labelledby="calendars-heading">
      <FocusHeading id="calendars-heading">Calendars of {member.name}</FocusHeading>
      <p className="muted">
        Busy times in {member.name}’s own calendars keep interviews off them. Leeway reads each calendar every few minutes; events it sent itself are not
        counted twice. Times are in {zoneLabel(zone)} time.
      </p>
      <div aria-live="polite">
        {notice && (
          <p ref={noticeRef} tabIndex={-1} className={notice.problem ? 'problem' : 'success'}>
            {notice.text}
          </p>
        )}
      </div>
      {sources.isPending && <Loading what="the calendars" />}
      <ProblemMessage error={sources.error} />
      {sources.data && list.length === 0 && <p>No calendars yet: only the interviews Leeway booked count as busy.</p>}
      {list.length > 0 && (
        <ul className="calendar-list" aria-label={`Calendars of ${member.name}`}>
          {list.map((source, index) => (
            <li key={source.id}>
              <CalendarSourceItem
                memberId={member.id}
                number={index + 1}
                source={source}
                zone={zone}
                onSynced={(read, moveFocus) => say(readResult(read), read.status === 'error', moveFocus)}
                onRemoved={(gone) => {
                  say(`Removed the ${CALENDAR_KIND_LABELS[gone.kind]}; its busy times no longer count.`, false, true);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <div className="card action-panel">
          <FocusHeading level={3}>Add a calendar</FocusHeading>
          <CalendarSourceForm
            memberId={member.id}
            memberName={member.name}
            onAdded={(added) => {
              setAdding(false);
              say(addedResult(added), added.source.status === 'error' || added.readProblem !== null, true);
              void refetch();
            }}
            onCancel={() => {
              setAdding(false);
              focusAdd();
            }}
          />
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            ref={addRef}
            className="primary"
            onClick={() => {
              setNotice(null);
              setAdding(true);
            }}
          >
            Add a calendar
          </button>
          <button type="button" onClick={onClose}>
            Close the calendars
          </button>
        </div>
      )}
    </section>
  );
}
