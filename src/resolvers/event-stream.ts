/**
 * One subscriber's queue of live events: the hub pushes, the transport pulls. Ending it (the
 * client left, the hub stopped, the database went away) settles a pending pull at once, which an
 * async generator awaiting the next event could not do: its `return()` waits for that await.
 */
export class EventQueue<Event> implements AsyncIterator<Event> {
  private readonly queued: Event[] = [];
  private waiting:
    { resolve: (result: IteratorResult<Event>) => void; reject: (error: Error) => void } | undefined;
  private ending: { error: Error | undefined } | undefined;

  constructor(
    /** How many events may wait for a client that reads slowly before the queue gives up. */
    private readonly capacity: number,
    private readonly tooSlow: () => Error,
    /** Runs once, when the queue ends for any reason. */
    private readonly onEnd: () => void,
  ) {}

  get ended(): boolean {
    return this.ending !== undefined;
  }

  push(event: Event): void {
    if (this.ending) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve({ value: event, done: false });
    } else if (this.queued.length >= this.capacity) {
      this.end(this.tooSlow());
    } else {
      this.queued.push(event);
    }
  }

  /** Ends the stream: queued events are still read, then the error (if any), then done. */
  end(error?: Error): void {
    if (this.ending) return;
    this.ending = { error };
    this.onEnd();
    if (this.waiting) {
      const { resolve, reject } = this.waiting;
      this.waiting = undefined;
      this.ending.error = undefined;
      if (error) reject(error);
      else resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<Event>> {
    const event = this.queued.shift();
    if (event !== undefined) return Promise.resolve({ value: event, done: false });
    if (this.ending) {
      const { error } = this.ending;
      this.ending.error = undefined;
      return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Event>> {
    this.queued.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }
}
