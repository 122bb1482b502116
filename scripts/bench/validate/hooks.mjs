// Module hook for the validate benchmark: `virtual:catalog` (a Vite virtual module in the app)
// resolves to ./catalog.mjs, so the page's own checks run in Node unchanged.
export async function resolve(specifier, context, next) {
  if (specifier === 'virtual:catalog')
    return { url: new URL('./catalog.mjs', import.meta.url).href, shortCircuit: true };
  return next(specifier, context);
}
