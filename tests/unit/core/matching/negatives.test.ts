import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPageTexts } from '../../../../bench/core';
import { analyzeArticle, analyzePageSentences } from '../../../../src/core/library';
import { ClaimIndex } from '../../../../src/core/matching';
import { buildLexicon } from '../../../../src/core/entities';
import { loadGazetteer } from '../../../../src/core/library';
import { paragraphOf, splitSentences } from '../../../../src/core/text';

const ROOT = join(import.meta.dirname, '../../../..');

describe('negative pages', () => {
  it('none of the 86 Readability test pages matches a claim of the seed library', () => {
    const lexicon = buildLexicon(loadGazetteer());
    const index = new ClaimIndex();
    for (const file of readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))) {
      index.add(analyzeArticle({ text: readFileSync(join(ROOT, 'seeds', file), 'utf8'), origin: 'seed' }, lexicon).claims);
    }
    expect(index.size).toBeGreaterThan(40);
    const pages = testPageTexts();
    expect(pages).toHaveLength(86);
    const matches: string[] = [];
    let sentences = 0;
    for (const page of pages) {
      // As the content script sends them: in page order, each with its paragraph.
      const split = splitSentences(page.text);
      const paragraphs = paragraphOf(page.text, split);
      const claims = analyzePageSentences(
        split.map((s, i) => ({ text: s.text, block: paragraphs[i]! })),
        lexicon,
      );
      for (const claim of claims) {
        sentences++;
        for (const link of index.query(claim)) {
          matches.push(
            `${page.name}: "${claim.text.slice(0, 80)}" -> "${index.getClaim(link.claimId)?.text.slice(0, 80)}" (${link.score})`,
          );
        }
      }
    }
    expect(sentences).toBeGreaterThan(5000);
    expect(matches).toEqual([]);
  }, 300_000);
});
