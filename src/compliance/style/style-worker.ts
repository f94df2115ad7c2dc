/**
 * Full style checks (with spelling) on a thread of their own, `style.worker.ts`. Checks are
 * answered in the order asked. A worker that dies fails the checks it had and is started afresh
 * for the next one; while no check is pending it does not keep the process alive.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StyleNetwork, StyleReport } from './style.types';

export interface StyleWorkerRequest {
  id: number;
  text: string;
  network?: StyleNetwork;
}

export type StyleWorkerReply =
  | { ready: true }
  | { id: number; report: StyleReport; error?: undefined }
  | { id: number; error: string; report?: undefined };

interface Pending {
  resolve(report: StyleReport): void;
  reject(error: Error): void;
}

export class StyleWorker {
  private worker?: Worker;
  private ready?: Promise<void>;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly log: { warn(message: string): void },
    private readonly script = path.join(__dirname, 'style.worker.js'),
  ) {}

  /** Starts the thread (if it is not running) and resolves once its dictionary is loaded. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.script);
    this.worker = worker;
    worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: StyleWorkerReply) => {
        if ('ready' in reply) return resolve();
        const waiting = this.pending.get(reply.id);
        if (!waiting) return;
        this.settled(reply.id);
        if (reply.error !== undefined) waiting.reject(new Error(`style check failed: ${reply.error}`));
        else waiting.resolve(reply.report);
      });
      const gone = (why: Error) => {
        if (this.worker !== worker) return reject(new Error('style worker stopped')); // by stop()
        this.worker = undefined;
        this.ready = undefined;
        reject(why);
        const failed = [...this.pending.values()];
        this.pending.clear();
        if (failed.length) this.log.warn(`style worker stopped with ${failed.length} check(s) pending: ${why.message}`);
        for (const waiting of failed) waiting.reject(why);
      };
      worker.on('error', gone);
      worker.on('exit', (code) => gone(new Error(`style worker exited with code ${code}`)));
    });
    return this.ready;
  }

  async check(text: string, network?: StyleNetwork): Promise<StyleReport> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error('style worker stopped before the check was sent');
    const id = this.nextId++;
    const report = new Promise<StyleReport>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) worker.ref();
    worker.postMessage({ id, text, network } satisfies StyleWorkerRequest);
    return report;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const waiting of failed) waiting.reject(new Error('style worker stopped'));
    if (worker) await worker.terminate();
  }

  private settled(id: number) {
    this.pending.delete(id);
    if (!this.pending.size) this.worker?.unref();
  }
}
