import { formatPhone } from '../../format-phone.ts';

/** The number as a tel: link and what to say, line by line. */
export function CallScript({ phone, tel, script, heading }: { phone: string; tel?: string; script: string[]; heading: string }) {
  return (
    <div className="call-script">
      <h3>{heading}</h3>
      <p className="call-number">
        <a href={tel ?? `tel:${phone.replace(/[^+\d]/g, '')}`}>Call {formatPhone(phone)}</a>
      </p>
      <p>What to say:</p>
      <ol>
        {script.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </div>
  );
}
