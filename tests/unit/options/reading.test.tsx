// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

const stored: Record<string, unknown> = { reading: { names: 'all', cards: 'bogus' } };
const set = vi.fn(async (items: Record<string, unknown>) => void Object.assign(stored, items));
vi.mock('../../../src/shared/browser', () => ({
  browser: { storage: { local: { get: async (key: string) => ({ [key]: stored[key] }), set } } },
}));

const { ReadingSection } = await import('../../../src/options/ReadingSection');

describe('the Reading section', () => {
  it('shows the stored choices (a bad value as its default) and saves a change at once', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(<ReadingSection />, root);
    await vi.waitFor(() => expect((root.querySelector('#reading-names-all') as HTMLInputElement).checked).toBe(true));
    expect((root.querySelector('#reading-cards-on') as HTMLInputElement).checked).toBe(true);
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Underline names', 'Cards']);
    // Every radio has a label.
    for (const input of root.querySelectorAll('input')) expect(root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    (root.querySelector('#reading-cards-keyboard') as HTMLInputElement).click();
    await vi.waitFor(() => expect(set).toHaveBeenCalledWith({ reading: { names: 'all', cards: 'keyboard' } }));
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')!.textContent).toContain('Saved'));
    render(null, root);
  });
});
