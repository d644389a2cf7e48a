import { z } from '@hono/zod-openapi';

/**
 * Pagination shared by every list: `limit` (1..200, default 50), an opaque `cursor` taken from the
 * previous page's `nextCursor`, and `nextCursor: null` on the last page. A cursor names the last item
 * of the page before (and, where the order needs it, its sort key), so pages do not shift when items
 * are added in front.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const Limit = z.coerce
  .number({ error: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.` })
  .int(`limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
  .min(1, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
  .max(MAX_PAGE_SIZE, `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}.`)
  .default(DEFAULT_PAGE_SIZE)
  .openapi({ param: { name: 'limit', in: 'query' }, description: `Items per page, 1 to ${MAX_PAGE_SIZE}.`, example: DEFAULT_PAGE_SIZE });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a cursor carries: the id of the last item, and for lists ordered by time, that item's time. */
export interface CursorPosition {
  id: string;
  at?: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** The position in a cursor, or null when the text is not a cursor of this shape. */
export function decodeCursor(cursor: string, withTime = false): CursorPosition | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { id, at, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof id !== 'string' || !UUID.test(id)) return null;
  if (!withTime) return at === undefined ? { id } : null;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) return null;
  return { id, at };
}

/** The `cursor` query parameter of a list; `withTime` for lists ordered by a time. */
export function cursorParam(withTime = false) {
  return z
    .string()
    .refine((value) => decodeCursor(value, withTime) !== null, 'Not a cursor of this list: pass nextCursor from the previous page as it was given.')
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: "The previous page's nextCursor; leave out for the first page." });
}

export const NextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' });

/**
 * Cuts a page from items fetched with `limit + 1`: the extra item only tells that there is a next page.
 */
export function pageOf<T>(items: T[], limit: number, positionOf: (item: T) => CursorPosition): { items: T[]; nextCursor: string | null } {
  if (items.length <= limit) return { items, nextCursor: null };
  const page = items.slice(0, limit);
  return { items: page, nextCursor: encodeCursor(positionOf(page[page.length - 1]!)) };
}

/** The repository's request for a validated `limit` and id `cursor`: one item more than asked, to know if a next page exists. */
export function pageRequest(query: { limit: number; cursor?: string | undefined }): { limit: number; after?: string } {
  const after = query.cursor ? decodeCursor(query.cursor)?.id : undefined;
  return { limit: query.limit + 1, ...(after ? { after } : {}) };
}
