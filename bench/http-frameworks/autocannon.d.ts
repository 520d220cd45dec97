/** The small part of autocannon 8's programmatic API that run.ts uses (the package ships no types). */
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly mean: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly total: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
  }

  export interface Options {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    readonly pipelining?: number;
    readonly timeout?: number;
    readonly headers?: Record<string, string>;
  }

  export interface Result {
    readonly duration: number;
    readonly errors: number;
    readonly timeouts: number;
    readonly resets: number;
    readonly non2xx: number;
    readonly statusCodeStats: Record<string, { readonly count: number }>;
    readonly latency: Histogram & { readonly totalCount: number };
    readonly requests: Histogram & { readonly sent: number };
    readonly throughput: Histogram;
  }

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
