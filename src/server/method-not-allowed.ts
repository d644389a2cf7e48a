import type { Context, Hono } from 'hono';
import type { ServerEnv } from './env.ts';
import { problem, problemResponse } from './problem.ts';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** `/api/v1/members/:id/busy/:busyId` → a pattern matching one path segment per parameter. */
function toPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * Which methods a path answers, read from the application's own routes (middleware excluded), so a wrong
 * method on a known path is told apart from an unknown path. Built on first use, after every route is in.
 */
export function methodsByPath(app: Hono<ServerEnv>): (path: string) => string[] {
  let known: KnownPath[] | null = null;
  const build = (): KnownPath[] => {
    const byPath = new Map<string, Set<string>>();
    for (const route of app.routes) {
      if (route.method === 'ALL') continue;
      const methods = byPath.get(route.path) ?? new Set<string>();
      methods.add(route.method.toUpperCase());
      if (route.method.toUpperCase() === 'GET') methods.add('HEAD');
      byPath.set(route.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({ pattern: toPattern(path), methods }));
  };
  return (path) => {
    known ??= build();
    const allowed = new Set<string>();
    for (const entry of known) if (entry.pattern.test(path)) for (const method of entry.methods) allowed.add(method);
    return [...allowed].sort();
  };
}

/**
 * The answer when no route matched: 405 with `Allow` when the path is known under other methods, 404
 * otherwise. Both as problem documents.
 */
export function answerUnmatched(allowedFor: (path: string) => string[]) {
  return (c: Context<ServerEnv>): Response => {
    const allowed = allowedFor(c.req.path);
    if (allowed.length === 0) {
      return problemResponse(c, problem(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`));
    }
    c.header('allow', allowed.join(', '));
    return problemResponse(c, problem(405, 'METHOD_NOT_ALLOWED', `${c.req.path} does not answer ${c.req.method}; it answers ${allowed.join(', ')}.`));
  };
}
