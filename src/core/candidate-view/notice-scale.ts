import type { NoticeClass, NoticePolicy } from '../types.ts';

/** One band of the notice meter: from how many hours before the start, up to how many, and what it means. */
export interface NoticeBand {
  class: NoticeClass;
  /**
   * Hours before the start where the band begins: inclusive, except for `late`, whose 0 is exclusive (at
   * the start itself is `missed`); null for `missed`, which is at or after the start.
   */
  fromHours: number | null;
  /** Hours before the start where the band ends (exclusive; inclusive 0 for `missed`); null for `ample`, which has no upper end. */
  toHours: number | null;
  meaning: string;
}

export interface NoticeScale {
  policy: NoticePolicy;
  /** From most notice to none: ample, adequate, late, missed. */
  bands: NoticeBand[];
}

/**
 * The organization's notice policy as a meter a candidate can read: the bands `classifyNotice` uses, from
 * the same thresholds, each with one line of what it means for them. A call is only asked for when there
 * is a number to call.
 *
 * @example
 * describeNoticeScale({ ampleHours: 48, adequateHours: 24 }, '+15550100').bands[2]
 * // → { class: 'late', fromHours: 0, toHours: 24, meaning: 'Less than 24 hours: call the coordinator first, then send the written notice.' }
 */
export function describeNoticeScale(policy: NoticePolicy, contactPhone: string | null): NoticeScale {
  const { ampleHours, adequateHours } = policy;
  return {
    policy: { ampleHours, adequateHours },
    bands: [
      { class: 'ample', fromHours: ampleHours, toHours: null, meaning: `${hours(ampleHours)} or more: a written message is enough.` },
      {
        class: 'adequate',
        fromHours: adequateHours,
        toHours: ampleHours,
        meaning: `${hours(adequateHours)} to ${hours(ampleHours)}: a written message is fine, and the sooner the better.`,
      },
      {
        class: 'late',
        fromHours: 0,
        toHours: adequateHours,
        meaning: contactPhone
          ? `Less than ${hours(adequateHours)}: call the coordinator first, then send the written notice.`
          : `Less than ${hours(adequateHours)}: send the written notice at once, with an apology for the short notice.`,
      },
      {
        class: 'missed',
        fromHours: null,
        toHours: 0,
        meaning: 'After the start: only an emergency cancels; otherwise it counts as a no-show, and an honest apology still helps.',
      },
      // A band the thresholds leave empty (adequate equal to ample, or no short-notice band at 0) is not drawn.
    ].filter((band) => band.fromHours === null || band.toHours === null || band.fromHours < band.toHours) as NoticeBand[],
  };
}

function hours(n: number): string {
  return `${n} hour${n === 1 ? '' : 's'}`;
}
