/**
 * How an interview takes place, as a candidate needs to know it: a video link means a video call, a
 * place means in person, and neither means nothing has been said yet (never guessed to be a phone call).
 */
export type InterviewFormat = 'video' | 'in_person' | 'unspecified';

/**
 * The one rule for an interview's format. A video link wins over a place: an interview with both is a
 * video call the place merely hosts (a room booked for the panel).
 *
 * @example
 * interviewFormat({ location: null, videoUrl: 'https://meet.example/abc' }) // 'video'
 * interviewFormat({ location: '1 Main St', videoUrl: null })              // 'in_person'
 */
export function interviewFormat(interview: { location: string | null; videoUrl: string | null }): InterviewFormat {
  if (interview.videoUrl && interview.videoUrl.trim() !== '') return 'video';
  if (interview.location && interview.location.trim() !== '') return 'in_person';
  return 'unspecified';
}
