// ```ds-playground fences to <ds-playground> tags for Python-Markdown (MkDocs), checked by the
// same schema as every other input: reads a JSON list of fences ({ info, body, file, line }) on
// stdin and writes a JSON list of { tag } or { error } (the FenceError's "file:line: ..." text).
// ds_playground.py runs it; it needs Node 20.19+ (the package's engines).
import { fenceToTag } from '../dist/markdown-it.js';

let text = '';
for await (const chunk of process.stdin) text += chunk;
const fences = JSON.parse(text);
const out = fences.map((f) => {
  try {
    return { tag: fenceToTag(f) };
  } catch (e) {
    if (e && e.name === 'FenceError') return { error: e.message };
    throw e;
  }
});
process.stdout.write(JSON.stringify(out));
