import type { InterviewChange } from '../decisions/interview-change.ts';
import type { NoticePolicy } from '../types.ts';

/**
 * Everything a renderer may state: the decision, and the names, places and contacts it concerns. A
 * renderer writes from these facts alone; what is not here is not said.
 */
export interface MessageFacts {
  change: InterviewChange;
  organization: {
    name: string;
    timezone: string;
    contactPhone: string | null;
    contactEmail: string | null;
    noticePolicy: NoticePolicy;
  };
  openingTitle: string;
  interview: { title: string; durationMinutes: number; location: string | null; videoUrl: string | null };
  candidate: { name: string; email: string; timezone: string };
  panel: Array<{ id: string; name: string; timezone: string }>;
  /** The candidate's private link; only ever rendered into the candidate's own emails. */
  link: string | null;
  /**
   * Where the change came from when not from Leeway itself: `calendar` when an attendee's calendar
   * replied (a candidate declining the event is their cancellation). Absent otherwise.
   */
  via?: 'calendar';
  /** For a reminder: when it goes out, and when to leave for an interview in person. */
  reminder?: { sendAt: Date; leaveBy: Date | null };
}

export interface RenderedEmail {
  subject: string;
  text: string;
}
