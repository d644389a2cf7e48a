import type { Notice, NoticeBand, NoticeClass, NoticeScale } from '../../api/candidate-types.ts';
import { formatPhonesIn } from '../format-phone.ts';

export const NOTICE_NAME: Record<NoticeClass, string> = { ample: 'Ample notice', adequate: 'Adequate notice', late: 'Late notice', missed: 'After the start' };

/** "30 hours", "2 days and 3 hours": notice as people say it. */
export function noticeText(hours: number): string {
  if (hours <= 0) return 'no notice';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} minutes`;
  if (hours < 48) {
    const whole = Math.floor(hours);
    return `${whole} hour${whole === 1 ? '' : 's'}`;
  }
  const days = Math.floor(hours / 24);
  const rest = Math.floor(hours - days * 24);
  return `${days} days${rest ? ` and ${rest} hour${rest === 1 ? '' : 's'}` : ''}`;
}

/** The band's share of the drawn scale: hours are drawn up to 1.5 × the ample threshold; "missed" is a sliver. */
function layout(scale: NoticeScale) {
  const cap = Math.max(scale.policy.ampleHours * 1.5, 1);
  const missedShare = 0.08;
  const at = (hours: number) => (hours <= 0 ? missedShare : missedShare + (1 - missedShare) * Math.min(hours, cap) / cap);
  const width = (band: NoticeBand) => (band.class === 'missed' ? missedShare : at(band.toHours ?? cap) - at(band.fromHours ?? 0));
  return { at, width };
}

/**
 * How much notice a change made now would give, on the organization's own scale: the bands come from
 * its policy, the needle from the server's count of hours, and the words say what that means here.
 */
export function NoticeMeter({ notice, scale, organization }: { notice: Notice; scale: NoticeScale; organization: string }) {
  const { at, width } = layout(scale);
  const bands = [...scale.bands].reverse(); // drawn from no notice (left) to plenty (right)
  const current = scale.bands.find((band) => band.class === notice.class);
  return (
    <section className="card" aria-labelledby="notice-heading">
      <h2 id="notice-heading">Notice if you change plans now</h2>
      <p>
        <span className={`badge ${notice.class}`}>{NOTICE_NAME[notice.class]}</span>{' '}
        {notice.hoursUntilStart > 0 ? <>You would give {noticeText(notice.hoursUntilStart)} of notice.</> : <>The interview has started.</>}
      </p>
      <div className="meter" aria-hidden="true">
        {bands.map((band) => (
          <span key={band.class} className={`meter-band ${band.class}`} style={{ width: `${width(band) * 100}%` }} />
        ))}
        <span className="meter-needle" style={{ left: `${at(notice.hoursUntilStart) * 100}%` }} />
      </div>
      <p>{formatPhonesIn(notice.advice.text)}</p>
      <details>
        <summary>{organization}'s notice policy</summary>
        <ul className="bands">
          {scale.bands.map((band) => (
            <li key={band.class} aria-current={band === current ? 'true' : undefined}>
              <span className={`badge ${band.class}`}>{NOTICE_NAME[band.class]}</span> {band.meaning}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
