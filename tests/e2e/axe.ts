/**
 * axe-core over an extension page. Extension pages forbid eval, so axe-core
 * cannot be injected into them; it runs on a snapshot of the page (its DOM,
 * scripts left out, and every stylesheet inlined in document order) written
 * into a local fixture page, where the same styles give the same colours and
 * layout. `dark` applies the dark palette whatever the system says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './support/driver';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's markup with its styles inlined (built pages link theirs from /assets/, which the scratch page cannot load). */
export function pageSnapshot(page: TestPage, dark: boolean): Promise<string> {
  return page.evaluate((forceDark: boolean) => {
    const css = [...document.styleSheets].map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n');
    const html = document.documentElement.cloneNode(true) as HTMLElement;
    html.querySelectorAll('script, style, link').forEach((node) => node.remove());
    const style = document.createElement('style');
    style.textContent = css;
    html.querySelector('head')?.appendChild(style);
    const markup = html.outerHTML;
    return forceDark ? markup.replaceAll('(prefers-color-scheme: dark)', 'all') : markup;
  }, dark);
}

/** Writes a snapshot into a fixture tab and returns axe-core's violations there (with colour contrast). */
export async function axeViolations(scratch: TestPage, markup: string): Promise<string[]> {
  return scratch.evaluate(
    async (arg: { markup: string; axe: string }) => {
      document.open();
      document.write(arg.markup);
      document.close();
      (0, eval)(arg.axe);
      const axe = (
        globalThis as unknown as {
          axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ html: string }> }> }> };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
    },
    { markup, axe: axeSource },
  );
}

/** axe-core's violations on an extension page, light and dark, keyed "what" / "what, dark"; an empty object is clean. */
export async function axeLightAndDark(scratch: TestPage, page: TestPage, what: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const dark of [false, true]) {
    const violations = await axeViolations(scratch, await pageSnapshot(page, dark));
    if (violations.length) found[dark ? `${what}, dark` : what] = violations;
  }
  return found;
}
