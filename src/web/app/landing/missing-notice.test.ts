import { describe, expect, it } from 'vitest';
import { candidateLinksIntro, missingNoticeDistances } from './missing-notice.ts';

describe('missingNoticeDistances', () => {
  it('names the distances no link gives, whatever stands in for them', () => {
    expect(missingNoticeDistances([{ noticeClass: 'ample' }, { noticeClass: 'ample' }, { noticeClass: 'late' }, { noticeClass: null }])).toEqual(['adequate']);
    expect(missingNoticeDistances([{ noticeClass: 'ample' }, { noticeClass: 'adequate' }, { noticeClass: 'late' }])).toEqual([]);
    expect(missingNoticeDistances([{ noticeClass: 'ample' }, { noticeClass: 'ample' }, { noticeClass: 'ample' }])).toEqual(['adequate', 'late']);
  });
});

describe('candidateLinksIntro', () => {
  it('invites a try at each distance only when every one has a link', () => {
    expect(candidateLinksIntro([])).toMatch(/Try one at each notice distance:$/);
    const short = candidateLinksIntro(['adequate', 'late']);
    expect(short).not.toMatch(/each notice distance/);
    expect(short).toContain('no free time at adequate or late notice fits');
  });
});
