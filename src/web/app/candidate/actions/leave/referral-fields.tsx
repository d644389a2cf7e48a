import type { Referral } from '../../../api/candidate-types.ts';

/** Someone the candidate suggests instead: a name and an email, both or neither. */
export function ReferralFields({ value, onChange }: { value: Referral; onChange: (value: Referral) => void }) {
  return (
    <fieldset>
      <legend>Refer someone (optional)</legend>
      <p className="muted">Know someone who would suit the role? Their name and email go to the recruiting team with your message.</p>
      <div className="stack">
        <label>
          Their name
          <input type="text" autoComplete="off" maxLength={200} value={value.name} onChange={(event) => onChange({ ...value, name: event.target.value })} />
        </label>
        <label>
          Their email
          <input type="email" autoComplete="off" maxLength={254} value={value.email} onChange={(event) => onChange({ ...value, email: event.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
