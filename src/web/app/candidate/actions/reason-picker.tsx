import type { ReasonOption } from '../../api/candidate-types.ts';

/**
 * The reason categories the server lists, as radio buttons. Only the category is shared with the
 * employer; after the start only an emergency cancels, so only those are offered then.
 */
export function ReasonPicker({
  reasons,
  value,
  onChange,
  legend,
  emergencyOnly = false,
}: {
  reasons: ReasonOption[];
  value: string | null;
  onChange: (value: string) => void;
  legend: string;
  emergencyOnly?: boolean;
}) {
  const offered = emergencyOnly ? reasons.filter((reason) => reason.emergency) : reasons;
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <p className="muted">Only the category is shared with the employer; no details are needed.</p>
      {offered.map((reason) => (
        <label key={reason.value} className="inline">
          <input type="radio" name="reason" value={reason.value} checked={value === reason.value} onChange={() => onChange(reason.value)} />
          {reason.label}
        </label>
      ))}
    </fieldset>
  );
}
