/**
 * Stored claims that are the same sentence (the same term ids in the same order, the same speaker
 * and clauses) form one group, and the postings list the group once. News repeats itself word for
 * word: wire copy run by many outlets, an article saved again after an update, a sign-off under
 * every report. Posting each copy made a term's postings as long as its copies, so the budgeted
 * walk (`postings.ts`) spent its budget on copies and met fewer distinct candidates, and a large
 * library cost more per page than a small one. A group is scored once; its members are told apart
 * afterwards by what differs between them (article, date, speaker), by the caller.
 */

/** Doc ids grouped by sentence key. Group ids are dense; an emptied group is never reused. */
export class SentenceGroups {
  private readonly byKey = new Map<string, number>();
  /** Group -> its live members, in the order they were added. */
  private readonly members: number[][] = [];
  private readonly keys: string[] = [];
  /** Doc -> group. */
  private readonly groupOf: number[] = [];

  /** Number of groups ever made (the size the postings' per-group scratch needs). */
  get count(): number {
    return this.members.length;
  }

  /** Adds a doc under `key`; returns its group and whether the group is new (it needs postings). */
  join(docId: number, key: string): { group: number; fresh: boolean } {
    const known = this.byKey.get(key);
    if (known !== undefined) {
      this.members[known]!.push(docId);
      this.groupOf[docId] = known;
      return { group: known, fresh: false };
    }
    const group = this.members.length;
    this.byKey.set(key, group);
    this.members.push([docId]);
    this.keys.push(key);
    this.groupOf[docId] = group;
    return { group, fresh: true };
  }

  /** Removes a doc; returns true when its group is left empty (its postings are then dead). */
  leave(docId: number): boolean {
    const group = this.groupOf[docId];
    if (group === undefined) return false;
    const list = this.members[group]!;
    const at = list.indexOf(docId);
    if (at >= 0) list.splice(at, 1);
    if (list.length > 0) return false;
    // A later copy of the same sentence starts a new group with fresh postings.
    this.byKey.delete(this.keys[group]!);
    return true;
  }

  /** The group's live members. */
  membersOf(group: number): readonly number[] {
    return this.members[group] ?? [];
  }

  /** The doc's group. */
  groupOfDoc(docId: number): number | undefined {
    return this.groupOf[docId];
  }

  /** Whether a group still has members. */
  isLive(group: number): boolean {
    return (this.members[group]?.length ?? 0) > 0;
  }
}

/** The key that makes two stored claims one sentence for the postings: terms, clause starts, speaker terms. */
export function sentenceKey(
  terms: ArrayLike<number>,
  clauses: ArrayLike<number> | undefined,
  speaker: ReadonlySet<number> | undefined,
): string {
  let key = Array.prototype.join.call(terms, ',');
  if (clauses && clauses.length > 1) key += '|' + Array.prototype.join.call(clauses, ',');
  if (speaker?.size) key += '/' + [...speaker].sort((a, b) => a - b).join(',');
  return key;
}
