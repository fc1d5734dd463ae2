import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPageTexts } from '../../../../bench/core';
import { analyzeArticle, analyzeSentence } from '../../../../src/core/library';
import { ClaimIndex } from '../../../../src/core/matching';
import { buildLexicon } from '../../../../src/core/entities';
import { loadGazetteer } from '../../../../src/core/library';
import { splitSentences } from '../../../../src/core/text';

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
      for (const s of splitSentences(page.text)) {
        sentences++;
        for (const link of index.query(analyzeSentence(s.text, lexicon))) {
          matches.push(`${page.name}: "${s.text.slice(0, 80)}" -> "${index.getClaim(link.claimId)?.text.slice(0, 80)}" (${link.score})`);
        }
      }
    }
    expect(sentences).toBeGreaterThan(5000);
    expect(matches).toEqual([]);
  }, 300_000);
});
