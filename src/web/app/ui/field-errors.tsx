import { ApiError } from '../api/client.ts';
import type { FieldError } from '../api/client.ts';

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

/**
 * The field errors of a problem document, to show next to their fields: `at(path)` gives the messages
 * of one field; `outside(paths)` what no field of the form shows, for the summary at the top, so that
 * no error the server gave goes unseen.
 */
export class FieldErrorMap {
  readonly all: FieldError[];

  constructor(error: unknown) {
    this.all = error instanceof ApiError ? error.errors : [];
  }

  /** Messages at exactly this path, or also below it when `withChildren` (e.g. "pools" takes "pools.2"). */
  at(path: string, withChildren = false): string[] {
    return this.all.filter((e) => e.path === path || (withChildren && under(e.path, path))).map((e) => e.message);
  }

  /** Errors at none of these paths nor below them. */
  outside(paths: string[]): FieldError[] {
    return this.all.filter((e) => !paths.some((p) => under(e.path, p)));
  }
}

/** An error shown under its field; give the field aria-describedby={id} and aria-invalid. */
export function FieldErrorText({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="field-error">
      {messages.join(' ')}
    </span>
  );
}

/** The form-level message: the server's words and every error no field showed. */
export function FormProblem({ error, unplaced }: { error: unknown; unplaced: FieldError[] }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : null;
  const placed = apiError ? apiError.errors.length - unplaced.length : 0;
  return (
    <div className="problem" role="alert">
      <p>
        {apiError?.message ?? 'Something went wrong. Please try again.'}
        {placed > 0 && ` ${placed === 1 ? 'One problem is' : `${placed} problems are`} shown next to the fields.`}
      </p>
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((field) => (
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
