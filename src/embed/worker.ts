/**
 * Starts the simulation workers from wherever the embed script is hosted, and shares a few of
 * them among every widget on the page (a worker costs ~11 MB; a docs page may hold twenty
 * widgets). Browsers only start workers from the page's own origin, so when the script comes
 * from a CDN the worker starts from a one-line blob module, `import "<absolute URL of the worker
 * chunk>"`: the blob has the page's origin, and the import is an ordinary cross-origin module
 * fetch (the CDN sends `Access-Control-Allow-Origin`). The worker chunk then loads model chunks
 * relative to its own absolute URL, so the whole `embed/` folder can live on any CDN path.
 */
import workerPath from '../worker/worker.ts?worker&url';
import { defaultPoolSize, WorkerPool } from '../worker/workerPool';

const NAME = 'ds-playground-sim';
let blobUrl: string | null = null;
let pool: WorkerPool | null = null;

/** The worker chunk's absolute URL (Vite gives it relative to this module). */
export const workerUrl = (): string => new URL(workerPath, import.meta.url).href;

export function createEmbedWorker(): Worker {
  const url = workerUrl();
  if (new URL(url).origin === location.origin)
    return new Worker(url, { type: 'module', name: NAME });
  // One blob for every worker on the page; it is a few bytes and lives as long as the page.
  blobUrl ??= URL.createObjectURL(
    new Blob([`import ${JSON.stringify(url)};\n`], { type: 'text/javascript' }),
  );
  return new Worker(blobUrl, { type: 'module', name: NAME });
}

/** How long a worker with no widget left stays, for widgets that come back (SPA navigation). */
const IDLE_MS = 5_000;

/** The page's pool: every `<ds-playground>` on it runs on these workers. */
export const embedPool = (): WorkerPool =>
  (pool ??= new WorkerPool(createEmbedWorker, defaultPoolSize(), IDLE_MS));
