import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { MEMBER_ROLES, WEEKDAYS } from '../../api/member-types.ts';
import type { MemberRole } from '../../api/member-types.ts';
import { FieldErrorMap, FieldErrorText, FormProblem } from '../../ui/field-errors.tsx';
import type { MemberDraft } from './member-draft.ts';
import { WorkingHoursEditor } from './working-hours-editor.tsx';

const ROLE_NAMES: Record<MemberRole, string> = { interviewer: 'Interviewer', recruiter: 'Recruiter', admin: 'Admin' };

// Every field the form shows an error next to; anything else goes in the summary.
const PLACED = [
  'name', 'email', 'role', 'timezone', 'phone', 'bufferMinutes', 'limits.perDay', 'limits.perWeek', 'pools',
  ...WEEKDAYS.map((day) => `workingHours.${day}`),
];

interface Props {
  initial: MemberDraft;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (draft: MemberDraft) => void;
  onCancel?: () => void;
}

/** Adds or edits a member; the server checks every field and its errors are shown beside them. */
export function MemberForm({ initial, submitLabel, pendingLabel, pending, error, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const id = useId();
  const errors = new FieldErrorMap(error);
  const set = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const field = (name: string, label: ReactNode, input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode, hint?: string, paths = [name]) => {
    const messages = paths.flatMap((path) => errors.at(path, true));
    const errorId = `${id}-${name}-error`;
    const hintId = `${id}-${name}-hint`;
    const described = [hint ? hintId : '', messages.length ? errorId : ''].filter(Boolean).join(' ');
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {hint && (
          <span id={hintId} className="hint">
            {hint}
          </span>
        )}
        {input({ id: `${id}-${name}`, ...(messages.length ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
        <FieldErrorText id={errorId} messages={messages} />
      </div>
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };

  return (
    <form onSubmit={submit} className="stack member-form" noValidate>
      <FormProblem error={error} unplaced={errors.outside(PLACED)} />
      <div className="field-grid">
        {field('name', 'Name', (p) => <input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />)}
        {field('email', 'Email', (p) => <input {...p} type="email" value={draft.email} onChange={(e) => set('email', e.target.value)} autoComplete="off" />)}
        {field('role', 'Role', (p) => (
          <select {...p} value={draft.role} onChange={(e) => set('role', e.target.value as MemberRole)}>
            {MEMBER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_NAMES[role]}
              </option>
            ))}
          </select>
        ))}
        {field('timezone', 'Time zone', (p) => <input {...p} value={draft.timezone} onChange={(e) => set('timezone', e.target.value)} list={`${id}-zones`} autoComplete="off" />, 'An IANA name such as Europe/London')}
        {field('phone', 'Phone (optional)', (p) => <input {...p} type="tel" value={draft.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="off" />)}
        {field('bufferMinutes', 'Break between interviews (minutes)', (p) => (
          <input {...p} type="number" min={0} max={240} inputMode="numeric" value={draft.bufferMinutes} onChange={(e) => set('bufferMinutes', e.target.value)} />
        ))}
        {field('perDay', 'Most interviews a day', (p) => (
          <input {...p} type="number" min={1} max={24} inputMode="numeric" value={draft.perDay} onChange={(e) => set('perDay', e.target.value)} />
        ), 'Blank: no limit', ['limits.perDay'])}
        {field('perWeek', 'Most interviews a week', (p) => (
          <input {...p} type="number" min={1} max={100} inputMode="numeric" value={draft.perWeek} onChange={(e) => set('perWeek', e.target.value)} />
        ), 'Blank: no limit', ['limits.perWeek'])}
        {field('pools', 'Pools', (p) => <input {...p} value={draft.pools} onChange={(e) => set('pools', e.target.value)} autoComplete="off" />, 'Separated by commas. Members sharing a pool can stand in for each other on a panel.')}
      </div>
      <ZoneList id={`${id}-zones`} />
      <WorkingHoursEditor value={draft.hours} onChange={(hours) => set('hours', hours)} zone={draft.timezone} errors={errors} idPrefix={id} />
      <div className="row">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** The zones this browser knows, as suggestions; the server has the last word. */
function ZoneList({ id }: { id: string }) {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return (
    <datalist id={id}>
      {zones.map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
}
