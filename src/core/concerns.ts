/**
 * What a candidate can report, confidentially, about an interview: one table for the API, the page and
 * the report HR reads.
 */
export const CONCERNS = {
  inappropriate_questions: 'Inappropriate or illegal questions',
  disrespectful_conduct: 'Disrespectful conduct',
  discrimination: 'Discrimination',
  accessibility: 'Accessibility',
  other: 'Something else',
} as const;

export type ConcernCategory = keyof typeof CONCERNS;

export const CONCERN_CATEGORIES = Object.keys(CONCERNS) as [ConcernCategory, ...ConcernCategory[]];

export function isConcernCategory(value: string): value is ConcernCategory {
  return Object.hasOwn(CONCERNS, value);
}

/** The label of a category as people read it; an unknown code is shown as it is. */
export function concernLabel(category: string): string {
  return isConcernCategory(category) ? CONCERNS[category] : category;
}
