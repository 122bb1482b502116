/**
 * `virtual:lab-runner`: the code lab's runner worker (src/editor/lab/sandbox.worker.ts) bundled
 * into one classic script, exported as a string. The page hands that text to the sandbox frame,
 * which starts the worker from a blob: in an opaque origin whose CSP allows no connection, a
 * worker can load nothing later (no chunks, no module graph), and a module worker does not start
 * from a blob there at all. Same bundle in `vite dev` and in the build; works offline.
 */
import { build, type Plugin, type Rolldown } from 'vite';

const VIRTUAL = 'virtual:lab-runner';
const RESOLVED = `\0${VIRTUAL}`;
const ENTRY = 'src/editor/lab/sandbox.worker.ts';

async function bundleRunner(): Promise<{ code: string; modules: string[] }> {
  const out = await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'dspLabRunner' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  if (chunks.length !== 1)
    throw new Error(`${ENTRY}: expected one chunk for the lab runner, got ${chunks.length}`);
  const chunk = chunks[0]!;
  return { code: chunk.code, modules: chunk.moduleIds.filter((id) => !id.startsWith('\0')) };
}

export function labRunnerPlugin(): Plugin {
  return {
    name: 'ds-playground-lab-runner',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      const { code, modules } = await bundleRunner();
      for (const m of modules) this.addWatchFile(m);
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
