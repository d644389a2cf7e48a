import { leaveByFor } from '../../core/reminders.ts';
import type { OfferedInterview } from '../../core/messages/render-waitlist.ts';
import type { Opening } from '../../core/types.ts';
import type { FreedSlot, Store } from '../../store/index.ts';

/** What kind of interview a freed time is offered as: what the claimant is told, and what a claim books. */
export interface OfferedFormat {
  title: string;
  location: string | null;
  videoUrl: string | null;
}

/**
 * The interview a freed time belonged to decides what is offered in it: its title, place and video link,
 * so a video interview freed is offered, and booked, as a video interview. Only when that interview is no
 * longer known does the opening's own default stand in (as for any interview created for the opening).
 */
export async function offeredFormat(store: Store, slot: Pick<FreedSlot, 'organizationId' | 'sourceInterviewId'>, opening: Pick<Opening, 'title' | 'location'>): Promise<OfferedFormat> {
  const source = slot.sourceInterviewId ? await store.interviews.get(slot.organizationId, slot.sourceInterviewId) : null;
  if (source) return { title: source.title, location: source.location, videoUrl: source.videoUrl };
  return { title: opening.title, location: opening.location ?? null, videoUrl: null };
}

/** The format as the candidate is told it before claiming (the video link itself comes with the booking). */
export function offeredInterview(format: OfferedFormat): OfferedInterview {
  if (format.videoUrl !== null) return { title: format.title, format: 'video', location: format.location };
  // The same test the reminders use to decide whether there is somewhere to travel to.
  const inPerson = leaveByFor(format, new Date(0)) !== null;
  return { title: format.title, format: inPerson ? 'in_person' : 'unstated', location: format.location };
}
