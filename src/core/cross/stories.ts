// Stories in a workspace for the cross-article check: two articles are of one story when they share the terms and names that mark them.
//
// A workspace can hold many stories. Statements of articles about different events must never be compared, however
// many common words they share ("national emergency", "Defense Department"). Each article is a vector of its words
// and names (a name by its last word, however the article titles the person), each weighted by how often the article
// uses it and how few articles of the workspace do; two articles are of one story when their vectors are close, and,
// when both give their publication dates, when they appeared within a few weeks of each other (news of one event
// follows it closely; articles months apart on related matters are other stories) unless they are nearly alike.

/** Cosine similarity of two articles' marks from which they are of one story. */
export const SAME_STORY = 0.15;
/** Days between publication dates beyond which two articles are of one story only when nearly alike (a follow-up a week on is another story). */
const STORY_DAYS = 7;
const NEARLY_ALIKE = 0.45;

export class StoryGuard {
  /** Each article's marks, sorted, with their weights (how often the article uses it × how rare it is), unit length. */
  private readonly marks: Int32Array[] = [];
  private readonly weights: Float32Array[] = [];

  /**
   * `features(d)` lists, for article d, each feature of each of its statements (a feature once per statement);
   * `articlesWith(id)` says in how many articles a feature occurs.
   */
  /** Each article's publication day (days since 1970), or NaN. */
  private readonly days: Float64Array;

  constructor(
    n: number,
    features: (d: number) => Iterable<number>,
    articlesWith: (id: number) => number,
    published: (string | null)[] = [],
  ) {
    this.days = Float64Array.from({ length: n }, (_, d) =>
      published[d] ? Date.parse(published[d]!.slice(0, 10)) / 864e5 : NaN,
    );
    // Rarity as if the workspace had at least a few dozen articles: in a small one, a word in every article is the
    // story's, not common English.
    const scale = Math.max(n, 24);
    // Counts in one array by feature, cleared after each article (no map per article), and the features seen in
    // the article at hand (one buffer for all articles, grown when needed: no list grown again for each).
    let count = new Int32Array(1024);
    let seen = new Int32Array(1024);
    for (let d = 0; d < n; d++) {
      let m = 0;
      for (const id of features(d)) {
        if (id >= count.length) {
          const more = new Int32Array(Math.max(2 * count.length, id + 1));
          more.set(count);
          count = more;
        }
        if (count[id]++ === 0) {
          if (m === seen.length) {
            const more = new Int32Array(2 * m);
            more.set(seen);
            seen = more;
          }
          seen[m++] = id;
        }
      }
      const ids = seen.slice(0, m).sort();
      const w = new Float32Array(ids.length);
      let norm = 0;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k];
        const x = Math.sqrt(count[id]) * Math.log(1 + scale / articlesWith(id));
        count[id] = 0;
        w[k] = x;
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < w.length; k++) w[k] /= norm;
      this.marks.push(ids);
      this.weights.push(w);
    }
  }

  /**
   * How alike two articles are (0–1). Not kept: the check asks about each pair of articles once (a map of hundreds of
   * thousands of pairs cost more than the merge it saved).
   */
  similarity(a: number, b: number): number {
    if (a === b) return 1;
    const x = this.marks[a];
    const y = this.marks[b];
    const wx = this.weights[a];
    const wy = this.weights[b];
    let r = 0;
    for (let i = 0, j = 0; i < x.length && j < y.length;) {
      if (x[i] < y[j]) i++;
      else if (x[i] > y[j]) j++;
      else {
        r += wx[i] * wy[j];
        i++;
        j++;
      }
    }
    return r;
  }

  same(a: number, b: number): boolean {
    const sim = this.similarity(a, b);
    if (sim < SAME_STORY) return false;
    const apart = Math.abs(this.days[a] - this.days[b]);
    return !(apart > STORY_DAYS) || sim >= NEARLY_ALIKE;
  }
}
