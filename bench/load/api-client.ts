/** Calls to the API of a server over its socket, with the organization's key. */
export interface ApiClient {
  url: string;
  apiKey: string;
  /** JSON in and out; throws with the answer's body unless the status is `expected`. */
  call<T>(method: string, path: string, body?: unknown, expected?: number): Promise<T>;
}

/**
 * @example
 * const api = apiClient(server.url, apiKey); const { id } = await api.call<{ id: string }>('POST', '/api/v1/openings', { title: 'x' }, 201);
 */
export function apiClient(url: string, apiKey: string): ApiClient {
  return {
    url,
    apiKey,
    async call<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text.slice(0, 500)}`);
      return JSON.parse(text) as T;
    },
  };
}
