import { randomUUID } from 'node:crypto';
import type { Candidate, Opening, Organization } from '../../core/types.ts';
import type { CreateInterviewInput } from '../interviews/create-interview.ts';
import { DEMO_OFFICE_ADDRESS, DEMO_VIDEO_BASE_URL } from './cast.ts';
import { DEMO_DURATION_MINUTES } from './demo-slots.ts';

/** A demo interview's details: someone in the office's zone comes in; anyone else joins by video. */
export function demoInterviewInput(organization: Organization, opening: Opening, candidate: Candidate, panel: string[]): CreateInterviewInput {
  const local = candidate.timezone === organization.timezone;
  return {
    openingId: opening.id,
    candidateId: candidate.id,
    title: panel.length > 1 ? 'Panel interview' : 'Technical interview',
    panel,
    durationMinutes: DEMO_DURATION_MINUTES,
    location: local ? DEMO_OFFICE_ADDRESS : 'Video call',
    videoUrl: local ? null : `${DEMO_VIDEO_BASE_URL}/northwind-${randomUUID().slice(0, 8)}`,
  };
}
