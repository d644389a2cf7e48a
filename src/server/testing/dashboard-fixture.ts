import { expect } from 'vitest';
import { NINE_TO_FIVE } from './test-server.ts';
import type { TestServer } from './test-server.ts';

/** Reads a JSON answer, failing with its text when the status is not the one expected. */
export async function readJson<T>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

let unique = 0;

/** A member, opening and candidate created over HTTP, with names unique within the server. */
export function dashboardFixture(server: TestServer) {
  const next = () => {
    unique += 1;
    return unique;
  };
  return {
    async member(name: string, options: { timezone?: string; workingHours?: unknown; role?: string; pools?: string[] } = {}): Promise<string> {
      const body = await readJson<{ id: string }>(
        server.call('POST', '/api/v1/members', {
          name,
          email: `${name.toLowerCase().replace(/\W+/g, '.')}.${next()}@acme.test`,
          role: options.role ?? 'interviewer',
          timezone: options.timezone ?? 'America/New_York',
          workingHours: options.workingHours ?? NINE_TO_FIVE,
          ...(options.pools ? { pools: options.pools } : {}),
        }),
        201,
      );
      return body.id;
    },
    async opening(title: string): Promise<string> {
      return (await readJson<{ id: string }>(server.call('POST', '/api/v1/openings', { title }), 201)).id;
    },
    async candidate(name: string, timezone = 'Europe/Berlin'): Promise<string> {
      const body = await readJson<{ id: string }>(
        server.call('POST', '/api/v1/candidates', { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${next()}@example.com`, timezone }),
        201,
      );
      return body.id;
    },
    async interview(input: { openingId: string; candidateId: string; panel: string[]; start: string; durationMinutes?: number; title?: string }) {
      return readJson<{ id: string; candidateLink: string; start: string; end: string; sequence: number }>(
        server.call('POST', '/api/v1/interviews', {
          openingId: input.openingId,
          candidateId: input.candidateId,
          panel: input.panel,
          start: input.start,
          title: input.title ?? 'Interview',
          durationMinutes: input.durationMinutes ?? 60,
        }),
        201,
      );
    },
  };
}

export const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);
