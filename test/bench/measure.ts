/** Timing for the bench: run one instance N times, a few at a time, and report throughput and latency. */

export interface RunFigures {
  label: string;
  instances: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** Runs `once` `count` times with at most `concurrency` in flight; returns instances/s and p50/p95 latency (ms). */
export async function measure(label: string, count: number, concurrency: number, once: () => Promise<void>): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      next += 1;
      const begun = performance.now();
      await once();
      latencies.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, instances: count, seconds, perSecond: count / seconds, p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Prints the figures of an interpreter run and its hand-written baseline, and their ratio. */
export function report(title: string, interpreter: RunFigures, handwritten: RunFigures, log: (line: string) => void): void {
  log('');
  log(title);
  log('variant                     instances/s   p50 ms   p95 ms   total s');
  for (const f of [interpreter, handwritten]) {
    log(`${f.label.padEnd(26)} ${f.perSecond.toFixed(1).padStart(12)} ${f.p50.toFixed(0).padStart(8)} ${f.p95.toFixed(0).padStart(8)} ${f.seconds.toFixed(1).padStart(9)}`);
  }
  log(`interpreter / hand-written: throughput ${(interpreter.perSecond / handwritten.perSecond).toFixed(2)}x, ` +
    `p50 latency ${(interpreter.p50 / handwritten.p50).toFixed(2)}x, p95 latency ${(interpreter.p95 / handwritten.p95).toFixed(2)}x`);
}
