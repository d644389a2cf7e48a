import { useId, useState } from 'react';

/**
 * A secret the server gives back only once: in a read-only field that selects itself, with a copy
 * button and plain words that it will not be shown again. Copying may be refused by the browser; the
 * page then says to copy it by hand rather than failing silently.
 */
export function OneTimeSecret({ label, secret, use, onDone }: { label: string; secret: string; use: string; onDone: () => void }) {
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'refused'>('idle');
  // A replayed request (same Idempotency-Key) is answered without the secret: it was shown, or lost, once.
  const done = (
    <button type="button" onClick={onDone}>
      Done, I have kept it
    </button>
  );
  if (secret.includes('[redacted]')) {
    return (
      <>
        <p className="warning">
          This secret was made by an earlier attempt whose answer did not arrive, and it cannot be shown again. Replace it once more to get one you can
          keep.
        </p>
        {done}
      </>
    );
  }
  const copyIt = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopy('refused');
      return;
    }
    clipboard.writeText(secret).then(
      () => setCopy('copied'),
      () => setCopy('refused'),
    );
  };
  return (
    <div className="one-time-secret">
      <label htmlFor={id}>{label}</label>
      <div className="row secret-row">
        <input id={id} className="secret-value" readOnly value={secret} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} aria-describedby={`${id}-note`} />
        <button type="button" onClick={copyIt}>
          Copy<span className="visually-hidden"> the {label.toLowerCase()}</span>
        </button>
      </div>
      <p id={`${id}-note`} className="secret-note">
        <strong>This secret will not be shown again.</strong> {use}
      </p>
      <p role="status" className="small">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'refused' && 'The browser did not allow copying: select the secret and copy it by hand.'}
      </p>
      {done}
    </div>
  );
}
