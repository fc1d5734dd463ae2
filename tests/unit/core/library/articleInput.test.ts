import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_LIMITS,
  ArticleInputSchema,
  ArticleLineSchema,
  IdentifiedArticleLineSchema,
  parseJsonLine,
} from '../../../../src/core/library';

const text = 'Kyiv: The defence ministry said on Monday its forces advanced two kilometres near Bakhmut.';

describe('the one article input schema', () => {
  it('cuts a timestamp to the day it was written on and refuses other dates', () => {
    expect(v.parse(ArticleInputSchema, { text, date: '2023-07-10T23:30:00+03:00' }).date).toBe('2023-07-10');
    for (const date of ['July 11', '15/02/2023', '2023-02-30']) {
      expect(parseJsonLine(JSON.stringify({ text, date }), ArticleLineSchema)).toEqual({
        ok: false,
        error: 'date: must be an ISO date YYYY-MM-DD',
      });
    }
  });

  it('takes the archive id as given or as a number, optional for imports and required for the CLI', () => {
    expect(parseJsonLine(JSON.stringify({ id: 17, text }), ArticleLineSchema)).toMatchObject({ ok: true, value: { id: '17' } });
    expect(parseJsonLine(JSON.stringify({ text }), ArticleLineSchema)).toMatchObject({ ok: true });
    expect(parseJsonLine(JSON.stringify({ text }), IdentifiedArticleLineSchema)).toEqual({ ok: false, error: 'id: missing' });
    expect(parseJsonLine(JSON.stringify({ id: ' ', text }), IdentifiedArticleLineSchema)).toEqual({
      ok: false,
      error: 'id: must not be empty',
    });
  });

  it('applies the same limits and words to every field', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: long(ARTICLE_LIMITS.textChars) }, `text: longer than ${ARTICLE_LIMITS.textChars} characters`],
      [{ text, title: long(ARTICLE_LIMITS.titleChars) }, `title: longer than ${ARTICLE_LIMITS.titleChars} characters`],
      [{ text, outlet: long(ARTICLE_LIMITS.shortChars) }, `outlet: longer than ${ARTICLE_LIMITS.shortChars} characters`],
      [{ text, url: 'news/story' }, 'url: must be an absolute URL'],
      [{ text: '  ' }, 'text: must not be empty'],
      [{ text: 5 }, 'text: must be a string'],
    ];
    for (const [line, error] of cases) expect(parseJsonLine(JSON.stringify(line), ArticleLineSchema)).toEqual({ ok: false, error });
  });

  it('says what is wrong with a line that is not a JSON object', () => {
    expect(parseJsonLine('[1, 2]', ArticleLineSchema)).toEqual({ ok: false, error: 'expected a JSON object like {"text": "..."}' });
    expect(parseJsonLine('{"text": ', ArticleLineSchema)).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON/) });
    expect(parseJsonLine(`\uFEFF${JSON.stringify({ text })}`, ArticleLineSchema)).toMatchObject({ ok: true });
  });
});
