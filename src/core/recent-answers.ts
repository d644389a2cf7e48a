/**
 * Answers of a pure computation kept by key, at most `limit` of them: when full, the map starts afresh
 * (cheaper than tracking age, and the keys that matter come straight back). Only for answers that depend
 * on the key alone.
 *
 * @example
 * const parts = new RecentAnswers<string, Parts>(4_096);
 * parts.get(key, () => expensive(key));
 */
export class RecentAnswers<Key, Answer> {
  private readonly kept = new Map<Key, Answer>();

  constructor(private readonly limit: number) {}

  get(key: Key, make: () => Answer): Answer {
    let answer = this.kept.get(key);
    if (answer === undefined) {
      answer = make();
      if (this.kept.size >= this.limit) this.kept.clear();
      this.kept.set(key, answer);
    }
    return answer;
  }

  get size(): number {
    return this.kept.size;
  }
}
