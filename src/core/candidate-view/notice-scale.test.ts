import { describe, expect, it } from 'vitest';
import { classifyNotice } from '../notice-policy.ts';
import { describeNoticeScale } from './notice-scale.ts';

const HOUR = 3_600_000;

describe('describeNoticeScale', () => {
  it("draws the organization's own thresholds, and asks for a call only with a number", () => {
    const scale = describeNoticeScale({ ampleHours: 72, adequateHours: 12 }, '+15550100');
    expect(scale.policy).toEqual({ ampleHours: 72, adequateHours: 12 });
    expect(scale.bands.map((b) => [b.class, b.fromHours, b.toHours])).toEqual([
      ['ample', 72, null],
      ['adequate', 12, 72],
      ['late', 0, 12],
      ['missed', null, 0],
    ]);
    expect(scale.bands[2]!.meaning).toContain('call the coordinator');
    expect(describeNoticeScale({ ampleHours: 72, adequateHours: 12 }, null).bands[2]!.meaning).not.toMatch(/call/i);
  });

  it('agrees with classifyNotice at every band edge', () => {
    const policy = { ampleHours: 48, adequateHours: 24 };
    const start = new Date('2026-12-10T15:00:00Z');
    for (const band of describeNoticeScale(policy, null).bands) {
      // The late band's 0 is exclusive: at the start itself the notice is missed.
      const edgeMs = band.fromHours === null ? -HOUR : band.fromHours * HOUR + (band.class === 'late' ? 1 : 0);
      const atEdge = classifyNotice({ at: new Date(start.getTime() - edgeMs), start, policy });
      expect(atEdge.class).toBe(band.class);
      if (band.toHours !== null) {
        const justBelow = classifyNotice({ at: new Date(start.getTime() - band.toHours * HOUR + 1), start, policy });
        expect(justBelow.class).toBe(band.class);
      }
    }
  });

  it('leaves out a band the thresholds make empty', () => {
    expect(describeNoticeScale({ ampleHours: 24, adequateHours: 24 }, null).bands.map((b) => b.class)).toEqual(['ample', 'late', 'missed']);
    expect(describeNoticeScale({ ampleHours: 24, adequateHours: 0 }, null).bands.map((b) => b.class)).toEqual(['ample', 'adequate', 'missed']);
  });
});
