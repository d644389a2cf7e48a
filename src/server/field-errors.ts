/** A field error as the problem document lists it. */
export interface FieldError {
  path: string;
  message: string;
}

/** What of a validation issue the list needs (zod's issues have this shape; a union's carries its branches' own). */
export interface ValidationIssue {
  code?: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  errors?: ReadonlyArray<ReadonlyArray<ValidationIssue>>;
}

/**
 * Every field error of a failed validation, each at its field. A body that fits none of a union's forms
 * (a move to a time, or a request for new times) is answered with the errors of the form it came
 * closest to, the one with the fewest, instead of a bare "Invalid input" for the whole body: a move
 * with a reason it cannot carry is told about its `reason`.
 *
 * @example
 * fieldErrors(result.error.issues) // [{ path: 'reason', message: 'Invalid option: expected one of …' }]
 */
export function fieldErrors(issues: ReadonlyArray<ValidationIssue>, prefix: ReadonlyArray<PropertyKey> = []): FieldError[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    const closest = issue.code === 'invalid_union' ? closestBranch(issue.errors ?? []) : undefined;
    if (closest) return fieldErrors(closest, path);
    return [{ path: path.map(String).join('.') || '(body)', message: issue.message }];
  });
}

function closestBranch(branches: ReadonlyArray<ReadonlyArray<ValidationIssue>>): ReadonlyArray<ValidationIssue> | undefined {
  const failed = branches.filter((branch) => branch.length > 0);
  if (failed.length === 0) return undefined;
  const fewest = Math.min(...failed.map((branch) => branch.length));
  const closest = failed.filter((branch) => branch.length === fewest);
  // Two forms equally near: no telling which was meant, so the whole body is named.
  return closest.length === 1 ? closest[0] : undefined;
}
