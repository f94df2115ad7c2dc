/**
 * The thread that holds the Russian spelling dictionary and runs full style checks
 * (`StyleWorker` starts it). The dictionary is some 170 MB of small objects: in the service's own
 * heap every full garbage collection marked all of it (≈ 220 ms a collection, against ≈ 2 ms
 * without it), and a slow Hunspell suggestion stalled every request. Here it has a heap and an
 * event loop of its own.
 */
import { parentPort } from 'node:worker_threads';
import { loadRussianSpeller } from './russian-speller';
import { analyzeStyle } from './style.rules';
import type { StyleWorkerReply, StyleWorkerRequest } from './style-worker';

const port = parentPort;
if (!port) throw new Error('style.worker runs as a worker thread (see StyleWorker)');

const speller = loadRussianSpeller();
port.postMessage({ ready: true } satisfies StyleWorkerReply);
port.on('message', ({ id, text, network }: StyleWorkerRequest) => {
  let reply: StyleWorkerReply;
  try {
    reply = { id, report: analyzeStyle(text, { network, speller }) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
