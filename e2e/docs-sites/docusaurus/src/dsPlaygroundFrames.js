/* global window, document */
// README's client module: sizes DS Playground iframes to the height their page posts.
if (typeof window !== 'undefined')
  window.addEventListener('message', (e) => {
    if (e.data?.type !== 'ds-playground:height') return;
    for (const f of document.querySelectorAll('iframe'))
      if (f.contentWindow === e.source) f.style.height = `${e.data.height}px`;
  });
