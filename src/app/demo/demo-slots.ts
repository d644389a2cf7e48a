import { candidateHoursFor, fitsHours } from '../../core/candidate-hours.ts';
import type { Candidate, Organization, TimeRange } from '../../core/types.ts';
import type { AppContext } from '../context.ts';
import { findFreePanelSlots } from '../slots.ts';

const MINUTE = 60_000;
const HALF_HOUR = 30 * MINUTE;
export const DEMO_DURATION_MINUTES = 60;

export interface DemoSlot {
  candidate: Candidate;
  panel: string[];
  start: Date;
}

/**
 * The earliest time in a window when a panel is free in its own office hours and the candidate is inside
 * their reasonable hours and clear of their other interviews; candidates are tried in the order given and
 * the first one with any fitting time wins, so the caller decides who is preferred.
 */
export async function findDemoSlot(
  ctx: AppContext,
  organization: Organization,
  options: { candidates: Candidate[]; panels: string[][]; from: Date; to: Date },
): Promise<DemoSlot | null> {
  // On the half hour, as a person would book it.
  const from = new Date(Math.ceil(options.from.getTime() / HALF_HOUR) * HALF_HOUR);
  if (options.to.getTime() - from.getTime() < DEMO_DURATION_MINUTES * MINUTE) return null;
  const panelSlots: Array<{ panel: string[]; slots: TimeRange[] }> = [];
  for (const panel of options.panels) {
    const slots = await findFreePanelSlots(ctx.store, organization.id, {
      memberIds: panel,
      durationMinutes: DEMO_DURATION_MINUTES,
      from,
      to: options.to,
      stepMinutes: 30,
    });
    panelSlots.push({ panel, slots: slots.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })) });
  }
  for (const candidate of options.candidates) {
    const hours = candidateHoursFor(candidate, organization);
    const busy = await ctx.store.interviews.candidateBusy(organization.id, candidate.id, from, options.to, null);
    let best: DemoSlot | null = null;
    for (const { panel, slots } of panelSlots) {
      const slot = slots.find((s) => fitsHours(s, hours, candidate.timezone) && !busy.some((b) => b.start < s.end && s.start < b.end));
      if (slot && (!best || slot.start < best.start)) best = { candidate, panel, start: slot.start };
    }
    if (best) return best;
  }
  return null;
}
