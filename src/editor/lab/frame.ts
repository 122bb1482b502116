/**
 * The code lab's sandbox frame: a hidden `<iframe sandbox="allow-scripts" srcdoc>` (an opaque
 * origin: no cookies, no storage, no access to the page) whose document carries a CSP that
 * forbids every connection. Its one script starts the runner worker from a blob: URL; a worker
 * from a blob: inherits the document's CSP, and so does any worker that one starts, so neither
 * the runner nor the learner's code in it can fetch, open a socket, load a script from anywhere
 * but a blob:, or evaluate a string. The browser enforces all of it; nothing is taken away by hand.
 *
 * Removing the frame ends its document and with it the worker, however busy the worker is.
 */
import type { SandboxRequest } from './protocol';

/**
 * The frame's policy. `default-src 'none'` covers connect (fetch, XHR, WebSocket, EventSource,
 * sendBeacon), img, media, font, frame and the rest. Scripts: the frame's own (by nonce) and
 * blob: (the runner, and the learner's module the runner imports); no 'unsafe-eval', so no eval
 * or `new Function`. Workers only from blob:.
 */
export const framePolicy = (nonce: string): string =>
  `default-src 'none'; script-src 'nonce-${nonce}' blob:; worker-src blob:; ` +
  `base-uri 'none'; form-action 'none'`;

/**
 * Runs in the frame. Takes the first message from the page only (runner source, request, the
 * port), starts the runner and hands it the request and the port: from then on the runner and the
 * page talk on that port, and the frame relays nothing the worker posts to it. It tells the page
 * only that the worker stopped on an uncaught error.
 */
function frameMain(): void {
  const say = (message: string) =>
    parent.postMessage({ type: 'crashed', message: String(message).slice(0, 500) }, '*');
  onmessage = (e: MessageEvent<{ source: string; request: unknown }>) => {
    if (e.source !== parent) return;
    onmessage = null;
    const port = e.ports[0];
    if (!port || typeof e.data?.source !== 'string') return;
    const url = URL.createObjectURL(new Blob([e.data.source], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'dsp-code-lab-sandbox' });
    URL.revokeObjectURL(url);
    worker.onerror = (err) => {
      err.preventDefault();
      say(err.message || 'unknown error');
    };
    worker.onmessage = null;
    worker.postMessage(e.data.request, [port]);
  };
}

/** The frame's whole document. */
export function frameDocument(nonce: string): string {
  return [
    '<!doctype html><html lang="en"><head>',
    `<meta http-equiv="Content-Security-Policy" content="${framePolicy(nonce)}">`,
    '<title>Code lab sandbox</title>',
    `<script nonce="${nonce}">(${frameMain.toString()})()</script>`,
    '</head><body></body></html>',
  ].join('');
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SandboxFrame {
  /** The frame's window: window messages from anything else are not the frame's. */
  readonly window: Window | null;
  /** Removes the frame, which ends the worker. */
  remove(): void;
}

/**
 * Adds the frame to the page, and once it has loaded starts the runner in it with `request`,
 * answering on `port`.
 */
export function openSandboxFrame(
  runnerSource: string,
  request: SandboxRequest,
  port: MessagePort,
): SandboxFrame {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.title = 'Code lab sandbox';
  frame.setAttribute('aria-hidden', 'true');
  frame.className = 'lab-sandbox-frame';
  frame.srcdoc = frameDocument(randomNonce());
  frame.addEventListener(
    'load',
    () => frame.contentWindow?.postMessage({ source: runnerSource, request }, '*', [port]),
    { once: true },
  );
  document.body.append(frame);
  return {
    get window() {
      return frame.contentWindow;
    },
    remove: () => frame.remove(),
  };
}
