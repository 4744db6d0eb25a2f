// Runs tasks under a global concurrency limit, a per-host concurrency limit and a per-host
// minimum interval between starts; a host can also be paused (after a 429 with Retry-After).

interface HostState {
  active: number;
  queue: (() => void)[];
  head: number;
  /** Earliest start time of the next task (interval / pause). */
  notBefore: number;
}

export class HostScheduler {
  private active = 0;
  private readonly hosts = new Map<string, HostState>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(
    private readonly concurrency: number,
    private readonly perHost: number,
    private readonly interval: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `task` when the limits allow. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const state = this.state(host);
      state.queue.push(() => {
        task().then(resolve, reject).finally(() => {
          state.active--;
          this.active--;
          if (state.active === 0 && state.head >= state.queue.length) this.hosts.delete(host);
          this.pump();
        });
      });
      this.pump();
    });
  }

  /** No new task for `host` starts before `until` (epoch ms). */
  pause(host: string, until: number): void {
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, until);
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, queue: [], head: 0, notBefore: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(): void {
    if (this.active >= this.concurrency) return;
    const now = this.now();
    let wake = Infinity;
    for (const state of this.hosts.values()) {
      while (state.head < state.queue.length && state.active < this.perHost && this.active < this.concurrency) {
        if (state.notBefore > now) { wake = Math.min(wake, state.notBefore); break; }
        const start = state.queue[state.head]!;
        state.queue[state.head++] = noop;
        if (state.head > 1024 && state.head * 2 > state.queue.length) { state.queue = state.queue.slice(state.head); state.head = 0; }
        state.active++;
        this.active++;
        state.notBefore = now + this.interval;
        start();
      }
      if (this.active >= this.concurrency) break;
    }
    if (wake < Infinity && wake < this.timerAt) {
      if (this.timer) clearTimeout(this.timer);
      this.timerAt = wake;
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      }, Math.max(0, wake - now));
    }
  }
}

function noop(): void {}
