// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryArticle } from '../../../src/shared/messages';

vi.mock('../../../src/shared/browser', () => ({ browser: { runtime: { sendMessage: async () => undefined } } }));

const { ArticleList } = await import('../../../src/options/ArticleList');
const { filterArticles, NO_FILTER, outletsOf } = await import('../../../src/options/filterArticles');
const { hostFrom } = await import('../../../src/options/SiteSwitches');

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
const article = (n: number, extra: Partial<LibraryArticle> = {}): LibraryArticle => ({
  id: `a_${n}`,
  origin: 'import',
  label: `Article ${n}`,
  addedAt: n,
  claims: n,
  mentions: 2 * n,
  ...extra,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the library list', () => {
  it('renders every stored string as text, never as markup', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const hostile = article(1, {
      label: `Label ${HOSTILE}`,
      title: HOSTILE,
      outlet: `Outlet ${HOSTILE}`,
      date: '2023-02-15',
      url: 'https://news.example/a',
      dateline: { value: `Kyiv ${HOSTILE}`, inferred: true, evidence: `Evidence ${HOSTILE}` },
    });
    render(<ArticleList articles={[hostile]} onDelete={() => undefined} />, root);
    expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(root.textContent).toContain(`Label ${HOSTILE}`);
    expect(root.textContent).toContain(`Outlet ${HOSTILE}`);
    expect(root.textContent).toContain(`Evidence ${HOSTILE}`);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows source, counts and inferred marks, and a labelled delete button per article', () => {
    const root = document.createElement('div');
    const deleted: string[] = [];
    render(
      <ArticleList
        articles={[article(1, { origin: 'seed', inferredDate: { value: '2023-02-15', inferred: true, evidence: 'NATO talks' } })]}
        onDelete={(a) => deleted.push(a.id)}
      />,
      root,
    );
    expect(root.textContent).toContain('Source: bundled seed');
    expect(root.textContent).toContain('1 claim, 2 names');
    expect(root.textContent).toContain('inferred');
    // The label opens the article in the stored article view.
    expect(root.querySelector('strong a')?.getAttribute('href')).toBe('../article/index.html?article=a_1');
    const button = root.querySelector('button.delete') as HTMLButtonElement;
    expect(button.getAttribute('aria-label')).toBe('Delete Article 1');
    button.click();
    expect(deleted).toEqual(['a_1']);
  });
});

describe('search and filters', () => {
  const articles = [
    article(1, { outlet: 'Kyiv Independent', date: '2023-02-15', title: 'Bakhmut under fire' }),
    article(2, { outlet: 'Reuters', inferredDate: { value: '2023-07-10', inferred: true, evidence: 'x' } }),
    article(3, { url: 'https://news.example/zaporizhzhia' }),
  ];

  it('finds words in title, outlet and URL; filters by outlet and by given or inferred date', () => {
    expect(filterArticles(articles, NO_FILTER)).toHaveLength(3);
    expect(filterArticles(articles, { ...NO_FILTER, query: 'bakhmut FIRE' }).map((a) => a.id)).toEqual(['a_1']);
    expect(filterArticles(articles, { ...NO_FILTER, query: 'zaporizhzhia' }).map((a) => a.id)).toEqual(['a_3']);
    expect(filterArticles(articles, { ...NO_FILTER, outlet: 'Reuters' }).map((a) => a.id)).toEqual(['a_2']);
    expect(filterArticles(articles, { ...NO_FILTER, from: '2023-03-01' }).map((a) => a.id)).toEqual(['a_2']);
    expect(filterArticles(articles, { ...NO_FILTER, to: '2023-03-01' }).map((a) => a.id)).toEqual(['a_1']);
    expect(outletsOf(articles)).toEqual(['Kyiv Independent', 'Reuters']);
  });

  it('reads a site from a URL or a bare host name', () => {
    expect(hostFrom('https://News.Example.com/story?x=1')).toBe('news.example.com');
    expect(hostFrom('news.example.com')).toBe('news.example.com');
    expect(hostFrom('  ')).toBeNull();
  });
});
