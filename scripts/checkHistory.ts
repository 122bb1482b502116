/**
 * `npm run -s experiment -- check-history FILE [--format jepsen-edn|porcupine-etcd|porcupine-kv|json]`:
 * reads a history file (or `-` for stdin), checks it for linearizability key by key and prints
 * the verdict as JSON. Exit status 0 when linearizable, 1 when not (or undecided), 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import { checkLoaded } from '../src/sim/models/cap/history/check';
import { HistoryError, parseHistory, type Format } from '../src/sim/models/cap/history/parse';

const FORMATS: Format[] = ['jepsen-edn', 'porcupine-etcd', 'porcupine-kv', 'json'];

export function checkHistoryCli(args: readonly string[]): number {
  const file = args.find((a) => !a.startsWith('--'));
  const fi = args.indexOf('--format');
  const format = fi >= 0 ? args[fi + 1] : undefined;
  const fail = (m: string): number => {
    process.stderr.write(`check-history: ${m}\n`);
    return 2;
  };
  if (!file) return fail('give a history file (or - for stdin)');
  if (format !== undefined && !FORMATS.includes(format as Format))
    return fail(`--format: "${format}" is not one of ${FORMATS.join(', ')}`);
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`);
  }
  try {
    const h = parseHistory(text, format as Format | undefined);
    const started = performance.now();
    const v = checkLoaded(h);
    const ms = performance.now() - started;
    process.stderr.write(`checked ${h.ops.length} ops in ${ms.toFixed(1)} ms\n`);
    process.stdout.write(
      JSON.stringify({ file, format: h.format, ops: h.ops.length, ...v }, null, 2) + '\n',
    );
    return v.linearizable ? 0 : 1;
  } catch (e) {
    if (e instanceof HistoryError) return fail(`${file}: ${e.message}`);
    throw e;
  }
}
