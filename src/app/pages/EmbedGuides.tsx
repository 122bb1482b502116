/** Short guides for the usual docs tools; the README has the long form. */
import { Snippet } from './Snippet';

export function EmbedGuides({ script, element }: { script: string; element: string }) {
  const origin = location.origin;
  return (
    <section aria-labelledby="embed-guides" className="embed-guides">
      <h2 id="embed-guides">Guides</h2>
      <details open>
        <summary>Plain HTML</summary>
        <Snippet
          label="plain HTML"
          code={`<script type="module" src="${script}"></script>\n\n<p>Some prose…</p>\n${element}`}
        />
      </details>
      <details>
        <summary>VitePress</summary>
        <p>
          Load the script in the site&apos;s head and tell Vue the tag is a custom element; then
          write the element in any markdown page.
        </p>
        <Snippet
          label="VitePress config"
          code={`// .vitepress/config.js
export default {
  head: [['script', { type: 'module', src: '${script}' }]],
  vue: {
    template: { compilerOptions: { isCustomElement: (tag) => tag === 'ds-playground' } },
  },
};`}
        />
        <Snippet label="VitePress page" code={`<!-- docs/hashing.md -->\n${element}`} />
      </details>
      <details>
        <summary>Docusaurus (MDX)</summary>
        <p>
          Add the script in <code>docusaurus.config.js</code>, then use the element in MDX. Write
          every attribute as a string (<code>autoplay=&quot;true&quot;</code>).
        </p>
        <Snippet
          label="Docusaurus config"
          code={`// docusaurus.config.js
export default {
  scripts: [{ src: '${script}', type: 'module', async: true }],
  // ...
};`}
        />
        <Snippet label="Docusaurus MDX page" code={`{/* docs/hashing.mdx */}\n${element}`} />
      </details>
      <details>
        <summary>MkDocs</summary>
        <p>
          MkDocs 1.5 or newer loads module scripts from <code>mkdocs.yml</code>; the element is raw
          HTML in markdown.
        </p>
        <Snippet
          label="MkDocs config"
          code={`# mkdocs.yml\nextra_javascript:\n  - path: ${script}\n    type: module`}
        />
        <Snippet label="MkDocs page" code={`<!-- docs/hashing.md -->\n${element}`} />
      </details>
      <details>
        <summary>Iframe: automatic height and messages</summary>
        <p>
          The iframe posts <code>{`{ type: 'ds-playground:height', height }`}</code> to its page
          whenever its height changes (also <code>ready</code> and <code>error</code>). It obeys{' '}
          <code>ds-playground:play</code>, <code>pause</code>, <code>reset</code> and{' '}
          <code>seek</code> (with <code>ms</code>) only from the page that embeds it, and only if
          that page&apos;s origin is listed in <code>?parent=</code> (without it: the same origin
          only).
        </p>
        <Snippet
          label="iframe listener"
          code={`<script>
  addEventListener('message', (e) => {
    if (e.origin !== '${origin}' || e.data?.type !== 'ds-playground:height') return;
    for (const f of document.querySelectorAll('iframe'))
      if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  });
  // With ?parent=https://your.site in the iframe's URL:
  // iframe.contentWindow.postMessage({ type: 'ds-playground:seek', ms: 5000 }, '${origin}');
</script>`}
        />
      </details>
      <details>
        <summary>Theme, events and methods</summary>
        <p>
          Every colour is a CSS custom property you can set on the element: <code>--accent</code>,{' '}
          <code>--fg</code>, <code>--muted</code>, <code>--bg</code>, <code>--panel</code>,{' '}
          <code>--panel-2</code>, <code>--border</code>, <code>--ok</code>, <code>--warn</code>,{' '}
          <code>--bad</code>, <code>--focus</code>, <code>--font</code>, <code>--mono</code>,{' '}
          <code>--radius</code>, <code>--series-0</code> to <code>--series-7</code>.
        </p>
        <Snippet
          label="theme and events"
          code={`<style>
  ds-playground { --accent: #7c3aed; --radius: 4px; }
  ds-playground[theme='dark'] { --accent: #c4b5fd; }
</style>
<script type="module">
  const w = document.querySelector('ds-playground');
  w.addEventListener('ds-ready', () => w.play());
  w.addEventListener('ds-event', (e) => console.log(e.detail.t, e.detail.text));
  w.addEventListener('ds-error', (e) => console.warn(e.detail.errors));
  // w.pause(); w.seek(5000); w.reset();
</script>`}
        />
      </details>
    </section>
  );
}
