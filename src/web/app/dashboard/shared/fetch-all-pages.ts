import { api, withQuery } from '../../api/client.ts';

/** Every item of a paged list (limit 200 a page, following nextCursor), for lists a page reads whole. */
export async function fetchAllPages<T>(
  path: string,
  field: string,
  query: Record<string, string | number | undefined | null>,
  signal?: AbortSignal,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Record<string, unknown> = await api.get<Record<string, unknown>>(withQuery(path, { ...query, limit: 200, cursor }), signal);
    all.push(...((page[field] as T[] | undefined) ?? []));
    cursor = (page.nextCursor as string | null | undefined) ?? null;
  } while (cursor);
  return all;
}
