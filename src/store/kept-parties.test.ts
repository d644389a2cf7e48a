import { describe, expect, it } from 'vitest';
import type { Candidate, Member, Opening, Organization } from '../core/types.ts';
import { KeptParties } from './kept-parties.ts';
import type { PartiesAsRead } from './kept-parties.ts';

const AT = new Date('2026-12-01T12:00:00Z');
const HOURS = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

function organization(id: string): Organization {
  return {
    id,
    name: `Org ${id}`,
    timezone: 'UTC',
    contactEmail: null,
    contactPhone: null,
    hrContactEmail: null,
    noticePolicy: { ampleHours: 48, adequateHours: 24 },
    reminders: [],
    candidateHours: HOURS,
    offerMinutes: 60,
    offerFanout: 1,
    replaceHours: 24,
    createdAt: AT,
  };
}

function member(organizationId: string, id: string, role: Member['role'] = 'interviewer'): Member {
  return { id, organizationId, name: `Member ${id}`, email: `${id}@acme.test`, role, timezone: 'UTC', phone: null, workingHours: HOURS, bufferMinutes: 0, pools: [], limits: {}, createdAt: AT } as Member;
}

/** A read of organization `org`: opening `o1`, candidate `c1`, the panel given and one recruiter, every row at version `v`. */
function read(org: string, panel: string[], version = '100'): PartiesAsRead {
  const opening = { id: 'o1', organizationId: org, title: 'Engineer', department: null, location: null, status: 'open', endedAt: null, hiredCandidateId: null, createdAt: AT } as Opening;
  const candidate = { id: 'c1', organizationId: org, name: 'Jordan', email: 'j@example.com', phone: null, timezone: 'UTC', reasonableHours: null, createdAt: AT } as Candidate;
  const panelMembers = panel.map((id) => member(org, id));
  const recruiter = member(org, 'r1', 'recruiter');
  return {
    organization: organization(org),
    opening,
    candidate,
    panel: panelMembers,
    withRoles: [recruiter],
    roles: ['recruiter', 'admin'],
    versions: {
      organization: version,
      opening: version,
      candidate: version,
      members: new Map([...panelMembers, recruiter].map((m) => [m.id, version])),
    },
  };
}

describe('KeptParties', () => {
  it('answers a new interview of parties a read found, with their versions, and nothing it did not find', () => {
    const kept = new KeptParties();
    kept.keep(read('acme', ['m1', 'm2']));
    const found = kept.find('acme', 'o1', 'c1', ['m2', 'm1'], ['admin', 'recruiter']);
    expect(found?.panel.map((m) => m.id)).toEqual(['m2', 'm1']);
    expect(found?.withRoles.map((m) => m.id)).toEqual(['r1']);
    expect(found?.versions.members).toEqual(new Map([['m2', '100'], ['m1', '100'], ['r1', '100']]));
    // A panelist never read, another opening or candidate, another organization: not all of it is kept.
    expect(kept.find('acme', 'o1', 'c1', ['m1', 'm3'], ['recruiter', 'admin'])).toBeNull();
    expect(kept.find('acme', 'o2', 'c1', ['m1'], ['recruiter', 'admin'])).toBeNull();
    expect(kept.find('acme', 'o1', 'c2', ['m1'], ['recruiter', 'admin'])).toBeNull();
    expect(kept.find('globex', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])).toBeNull();
    // Members with other roles were not read.
    expect(kept.find('acme', 'o1', 'c1', ['m1'], ['admin'])).toBeNull();
  });

  it('forgets every record of a read that a write found changed, and keeps the next read', () => {
    const kept = new KeptParties();
    kept.keep(read('acme', ['m1']));
    const found = kept.find('acme', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])!;
    kept.forget({ organizationId: 'acme', openingId: 'o1', candidateId: 'c1', roles: found.roles, versions: found.versions });
    expect(kept.size).toBe(0);
    kept.keep(read('acme', ['m1'], '101'));
    expect(kept.find('acme', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])?.versions.organization).toBe('101');
  });

  it('keeps no more of each kind than its limit, the least recently used going first', () => {
    // Each read keeps two members (the panelist and the recruiter): four fill the members' share.
    const kept = new KeptParties({ records: 4 });
    kept.keep(read('a', ['m1']));
    kept.keep(read('b', ['m1']));
    // Used again, so `a` is now the most recent of the two.
    expect(kept.find('a', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])).not.toBeNull();
    kept.keep(read('c', ['m1']));
    expect(kept.find('b', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])).toBeNull();
    expect(kept.find('a', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])).not.toBeNull();
    expect(kept.find('c', 'o1', 'c1', ['m1'], ['recruiter', 'admin'])).not.toBeNull();
  });
});
