/** Times the passes of a profile and reports each start as progress. */
export class PassClock {
  readonly timings: Array<{ pass: string; seconds: number }> = [];
  private current = { pass: '', at: performance.now() };

  constructor(private readonly progress: (fraction: number, message: string) => Promise<void>) {}

  /** Ends the running pass (if any) and starts `pass` ('' to only end). */
  async next(fraction: number, pass: string): Promise<void> {
    const now = performance.now();
    if (this.current.pass) {
      this.timings.push({ pass: this.current.pass, seconds: (now - this.current.at) / 1000 });
    }
    this.current = { pass, at: now };
    if (pass) await this.progress(fraction, pass);
  }
}
