/** How to restyle the highlights: they are CSS Custom Highlights, styled with `::highlight()`. */
const EXAMPLE = `::highlight(parallax-place)  { background-color: #fff3b0; }
::highlight(parallax-person) { text-decoration: underline wavy #d33682; }
::highlight(parallax-org)    { background-color: transparent; color: #268bd2; }
::highlight(parallax-claim)  { background-color: rgba(203, 75, 22, 0.2); }`;

/** The restyle section. */
export function RestyleNote() {
  return (
    <section aria-labelledby="restyle-heading">
      <h2 id="restyle-heading">How to restyle highlights</h2>
      <p>
        Parallax never changes a page's markup: it registers four named highlights with the CSS Custom Highlight API, one per kind:{' '}
        <code>parallax-place</code>, <code>parallax-person</code>, <code>parallax-org</code> and <code>parallax-claim</code>. Style them
        with the <code>::highlight()</code> pseudo-element in a user stylesheet (for example with a user-style extension):
      </p>
      <pre>
        <code>{EXAMPLE}</code>
      </pre>
      <p>Only a few properties apply to highlights: colours, backgrounds, text decorations and text shadows.</p>
    </section>
  );
}
