/**
 * Samples per second over a sliding window of recent progress reports, and the time left at
 * that pace. Pure: the caller gives the clock readings (milliseconds).
 */
export class Throughput {
  private readonly marks: { time: number; samples: number }[] = [];

  /** @param windowMs how far back the pace is measured (default 5 s) */
  constructor(private readonly windowMs = 5000) {}

  /** Records that `samples` samples (in total since the start) were done at `time`. */
  mark(time: number, samples: number): void {
    this.marks.push({ time, samples });
    while (this.marks.length > 2 && time - this.marks[1]!.time >= this.windowMs) this.marks.shift();
  }

  /** Samples per second over the window; 0 until two marks are apart in time. */
  samplesPerSecond(): number {
    const first = this.marks[0];
    const last = this.marks[this.marks.length - 1];
    if (!first || !last || last.time <= first.time) return 0;
    return ((last.samples - first.samples) * 1000) / (last.time - first.time);
  }

  /** Seconds left for `totalSamples` at the current pace; undefined while the pace is unknown. */
  secondsLeft(totalSamples: number): number | undefined {
    const rate = this.samplesPerSecond();
    const done = this.marks[this.marks.length - 1]?.samples ?? 0;
    return rate > 0 ? Math.max(0, totalSamples - done) / rate : undefined;
  }

  /** Forgets the marks (e.g. after a pause, which must not count as slow training). */
  reset(): void {
    this.marks.length = 0;
  }
}

/** `seconds` as `1 h 02 min`, `3 min 05 s` or `12 s`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
