import { ApiError } from '../api/client.ts';

/** An error as the server worded it, announced to screen readers. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  return (
    <div className="problem" role="alert">
      <p>{apiError?.message ?? 'Something went wrong. Please try again.'}</p>
      {apiError && apiError.errors.length > 0 && (
        <ul>
          {apiError.errors.map((field) => (
            <li key={`${field.path}:${field.message}`}>
              {field.path === '(body)' ? '' : `${field.path}: `}
              {field.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}
