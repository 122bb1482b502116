/**
 * One IntersectionObserver for every widget on the page: tells each element when it enters or
 * leaves the viewport (with a margin, so lazy widgets start just before they are seen).
 */
type Listener = (visible: boolean) => void;

const listeners = new Map<Element, Listener>();
let observer: IntersectionObserver | null = null;

export function watchVisibility(el: Element, onChange: Listener): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => {};
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
    },
    { rootMargin: '200px 0px' },
  );
  listeners.set(el, onChange);
  observer.observe(el);
  return () => {
    listeners.delete(el);
    observer?.unobserve(el);
  };
}
