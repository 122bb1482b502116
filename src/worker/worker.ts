/**
 * The simulation worker. Its own scope serves one host over comlink (the app starts a worker per
 * widget, and experiments run here); each `dsp-connect` message opens one more host on the port
 * it carries (the embed shares a few workers among every widget on a page, see workerPool.ts).
 */
import * as Comlink from 'comlink';
import { answerPings } from './heartbeat';
import { Host } from './host';
import { acceptConnections, hostApi } from './serve';

Comlink.expose(hostApi(new Host()));
// Comlink's listener ignores messages of a type it does not know, `dsp-connect` among them.
acceptConnections(self);
// The page pings every worker it runs on, to notice one that died without an error event.
answerPings(self);
