/** The notice distances the demo means to offer a link at, nearest last. */
const DISTANCES = ['ample', 'adequate', 'late'] as const;

/**
 * The notice distances none of the demo's links gives now: at some hours no free time in a distance's
 * window fits the interviewers' office hours and the candidates' hours (a weekend, a night), and another
 * interview stands in, labelled with the notice it really gives. The page says so rather than promising
 * a link at each distance.
 *
 * @example
 * missingNoticeDistances([{ noticeClass: 'ample' }, { noticeClass: 'ample' }, { noticeClass: 'late' }]) // ['adequate']
 */
export function missingNoticeDistances(links: ReadonlyArray<{ noticeClass?: string | null }>): string[] {
  const given = new Set(links.map((link) => link.noticeClass));
  return DISTANCES.filter((distance) => !given.has(distance));
}

/**
 * The words before the list of candidate links: an invitation to try each distance, or, when some cannot
 * be had now, which and why.
 */
export function candidateLinksIntro(missing: readonly string[]): string {
  const each = 'Each demo candidate has a private link, as they would receive by email, labelled with the notice a change would give now.';
  if (missing.length === 0) return `${each} Try one at each notice distance:`;
  return `${each} Right now no free time at ${missing.join(' or ')} notice fits the interviewers' office hours and the candidates' hours, so no link gives it; come back on a weekday, in office hours, for one. Try these:`;
}
