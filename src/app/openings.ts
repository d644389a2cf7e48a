import { DomainError } from '../core/errors.ts';
import type { Candidate, Opening } from '../core/types.ts';
import type { AppContext } from './context.ts';
import { FieldErrors } from './validation.ts';

export async function createOpening(
  ctx: AppContext,
  organizationId: string,
  input: { title: string; department?: string | null; location?: string | null },
): Promise<Opening> {
  return ctx.store.openings.create(organizationId, input);
}

export async function getOpening(ctx: AppContext, organizationId: string, openingId: string): Promise<Opening> {
  const opening = await ctx.store.openings.get(organizationId, openingId);
  if (!opening) throw new DomainError('NOT_FOUND', 'No such opening.');
  return opening;
}

/** In the order they were created; a page starts after the item `after`. */
export async function listOpenings(ctx: AppContext, organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Opening[]> {
  return ctx.store.openings.list(organizationId, page);
}

export async function createCandidate(
  ctx: AppContext,
  organizationId: string,
  input: { name: string; email: string; phone?: string | null; timezone: string },
): Promise<Candidate> {
  const errors = new FieldErrors();
  const timezone = errors.zone('timezone', input.timezone);
  const phone = errors.phone('phone', input.phone);
  errors.throwIfAny();
  const email = input.email.toLowerCase();
  // Checked first for a clear answer; the unique index (organization, lower(email)) closes the race.
  if (await ctx.store.candidates.findByEmail(organizationId, email)) throw duplicateCandidate(email);
  return ctx.store.candidates
    .create(organizationId, { ...input, timezone, phone: phone ?? null, email })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw duplicateCandidate(email);
      throw error;
    });
}

const UNIQUE_VIOLATION = '23505';

function duplicateCandidate(email: string): DomainError {
  return new DomainError('CONFLICT', `A candidate with the email ${email} already exists in this organization.`);
}

export async function getCandidate(ctx: AppContext, organizationId: string, candidateId: string): Promise<Candidate> {
  const candidate = await ctx.store.candidates.get(organizationId, candidateId);
  if (!candidate) throw new DomainError('NOT_FOUND', 'No such candidate.');
  return candidate;
}

/** In the order they were created; a page starts after the item `after`. */
export async function listCandidates(ctx: AppContext, organizationId: string, page: { limit?: number; after?: string } = {}): Promise<Candidate[]> {
  return ctx.store.candidates.list(organizationId, page);
}
