import type { OpeningActivity } from '../../api/opening-types.ts';

/** Interviews that still hold time or wait for the candidate's pick. */
export function upcoming(activity: OpeningActivity): number {
  return activity.interviews.scheduled + activity.interviews.invited;
}

/** Interviews that took place, or were missed or cut short. */
export function held(activity: OpeningActivity): number {
  return activity.interviews.completed + activity.interviews.ended_early + activity.interviews.no_show;
}

/** Interviews called off by either side. */
export function calledOff(activity: OpeningActivity): number {
  return activity.interviews.cancelled + activity.interviews.withdrawn + activity.interviews.declined;
}
