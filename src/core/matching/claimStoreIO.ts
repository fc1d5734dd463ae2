/**
 * The claim store written and read back: as a pack's `ClaimIndexJSON` (portable JSON, for the
 * corpus CLI and packs) and as the extension's own snapshot (`indexSnapshot.ts`: flat arrays and
 * JSON lines, fast to restore when a stopped service worker starts again). Neither re-tokenises.
 */
import type { Claim } from '../types';
import { ClaimStore, type Doc } from './claimStore';
import type { ClaimIndexJSON } from './indexOptions';
import { entry, flatten, joinLines, SNAPSHOT_VERSION, splitLines, type ClaimIndexSnapshotData } from './indexSnapshot';

/** A claim store with its two serialised forms. */
export abstract class SerialisedClaims extends ClaimStore {
  /** Serialises the index (claims and their term ids) for packs and persistence. */
  toJSON(): ClaimIndexJSON {
    const live: Array<Doc & { claim: Claim }> = this.docs.flatMap((d, docId) => (d ? [{ ...d, claim: this.claimOf(docId) }] : []));
    return {
      version: 1,
      plain: this.plain,
      ...(this.articleDates.size ? { articleDates: Object.fromEntries(this.articleDates) } : {}),
      terms: this.postings.termNames,
      cap: this.postings.cap,
      seen: this.postings.seen,
      docs: live.map((d) => ({ claim: d.claim, t: Array.from(d.terms), ...(d.clauses ? { c: Array.from(d.clauses) } : {}) })),
    };
  }

  /** The index for the extension's own store: flat arrays and JSON lines, fast to clone and restore. */
  snapshot(): ClaimIndexSnapshotData {
    const live = this.docs.flatMap((d, docId) => (d ? [docId] : []));
    const docs = live.map((docId) => this.docs[docId]!);
    return {
      version: SNAPSHOT_VERSION,
      plain: this.plain,
      datedArticles: joinLines([...this.articleDates.keys()]),
      articleDays: joinLines([...this.articleDates.values()]),
      terms: joinLines(this.postings.termNames),
      cap: Int32Array.from(this.postings.cap),
      seen: Int32Array.from(this.postings.seen),
      ids: joinLines(docs.map((d) => d.id)),
      articles: joinLines(docs.map((d) => d.articleId)),
      claims: joinLines(docs.map((d) => d.json ?? JSON.stringify(d.claim))),
      termIds: flatten(docs.map((d) => d.terms)),
      clauses: flatten(docs.map((d) => d.clauses)),
      speakers: flatten(docs.map((d) => (d.speaker ? [...d.speaker] : undefined))),
    };
  }

  /** Loads `snapshot()` output into this (empty) store: claims stay JSON until a query needs them. */
  protected restoreSnapshot(data: ClaimIndexSnapshotData): this {
    if (data.version !== SNAPSHOT_VERSION) throw new Error(`unsupported claim index snapshot version ${String(data.version)}`);
    const dated = data.datedArticles ? data.datedArticles.split('\n') : [];
    const days = splitLines(data.articleDays, dated.length);
    dated.forEach((id, i) => this.articleDates.set(id, days[i]!));
    const terms = data.terms ? data.terms.split('\n') : [];
    terms.forEach((t, i) => {
      const id = this.postings.intern(t);
      this.postings.cap[id] = data.cap[i] ?? 0;
      this.postings.seen[id] = data.seen[i] ?? 0;
    });
    const count = data.termIds.ends.length;
    const [ids, articles, claims] = [data.ids, data.articles, data.claims].map((text) => splitLines(text, count));
    const fresh: number[] = [];
    for (let i = 0; i < count; i++) {
      const speaker = entry(data.speakers, i);
      const docId = this.addEntry({
        id: ids![i]!,
        articleId: articles![i]!,
        json: claims![i]!,
        terms: entry(data.termIds, i),
        clauses: entry(data.clauses, i),
        speaker: speaker.length ? new Set(speaker) : undefined,
      });
      if (docId !== undefined) fresh.push(docId);
    }
    this.learnBoilerplate(fresh);
    return this;
  }

  /** Loads `toJSON()` output into this (empty) store without re-tokenising. */
  protected restore(json: ClaimIndexJSON): this {
    if (json.version !== 1) throw new Error(`unsupported claim index version ${String(json.version)}`);
    for (const [id, date] of Object.entries(json.articleDates ?? {})) this.articleDates.set(id, date);
    const remap = json.terms.map((t, i) => {
      const id = this.postings.intern(t);
      this.postings.cap[id]! += json.cap[i] ?? 0;
      this.postings.seen[id]! += json.seen[i] ?? 0;
      return id;
    });
    const fresh: number[] = [];
    for (const { claim, t, c } of json.docs) {
      const docId = this.addDoc(
        claim,
        t.map((id) => remap[id]!),
        c,
      );
      if (docId !== undefined) fresh.push(docId);
    }
    // The boilerplate is not serialised: it is learnt again from the docs' patterns, as `add` learns it.
    this.learnBoilerplate(fresh);
    return this;
  }
}
