import { describe, expect, it } from 'vitest';
import { CONCERN_CATEGORIES } from '../concerns.ts';
import { CANDIDATE_REASONS, reasonLabel } from '../reasons.ts';
import { candidateVocabulary } from './vocabulary.ts';

describe('candidateVocabulary', () => {
  it('lists exactly the candidate reasons and the concern categories, with their labels', () => {
    const vocabulary = candidateVocabulary();
    expect(vocabulary.reasons.map((r) => r.value)).toEqual(CANDIDATE_REASONS);
    expect(vocabulary.reasons.find((r) => r.value === 'medical_emergency')).toEqual({ value: 'medical_emergency', label: reasonLabel('medical_emergency'), emergency: true });
    expect(vocabulary.reasons.some((r) => (r.value as string) === 'position_filled')).toBe(false);
    expect(vocabulary.concerns.map((c) => c.value)).toEqual(CONCERN_CATEGORIES);
  });
});
