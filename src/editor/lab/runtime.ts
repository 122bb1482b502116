/**
 * The per-call time budget of the learner's code, enforced from inside the sandbox worker: every
 * loop body and function body of the compiled code calls `guard(line)` (see ./guard.ts), and the
 * guard throws once the current call has run longer than its budget. A call that swallows that
 * error with try/catch gains nothing: every later guard call throws too, and so does the return.
 *
 * What the guard cannot see (a slow regular expression, a huge allocation) is caught by the
 * watchdog on the main thread (./sandbox.ts), which terminates the worker.
 */

/** The learner's call ran past its budget. */
export class BudgetExceeded extends Error {
  constructor(
    readonly budgetMs: number,
    readonly line: number,
  ) {
    super(`one call ran longer than ${budgetMs} ms (line ${line}): an endless loop?`);
    this.name = 'BudgetExceeded';
  }
}

/** The learner's function broke the interface (wrong return type, missing export). */
export class ContractError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'ContractError';
  }
}

// Checking the clock on every guard call would cost more than most loop bodies.
const CHECK_EVERY = 256;

export class CallBudget {
  private deadline = Infinity;
  private count = 0;
  private exceeded: BudgetExceeded | null = null;
  private lastBeat = -Infinity;
  /** The line of the last guard passed: where a throw without a stack came from, roughly. */
  lastLine = 0;

  constructor(
    readonly budgetMs: number,
    private readonly clock: () => number,
    /** Tells the main thread's watchdog that the worker is alive (called at most every beatMs). */
    private readonly beat: () => void,
    private readonly beatMs = 100,
  ) {}

  /** Called by the instrumented code; must stay cheap. */
  readonly guard = (line: number): void => {
    this.lastLine = line;
    if (this.exceeded) throw this.exceeded;
    if (++this.count % CHECK_EVERY === 0 && this.clock() > this.deadline) {
      this.exceeded = new BudgetExceeded(this.budgetMs, line);
      throw this.exceeded;
    }
  };

  /** Starts a budgeted span (a call, or the module's top-level code). */
  begin(): void {
    const now = this.clock();
    if (now - this.lastBeat >= this.beatMs) {
      this.lastBeat = now;
      this.beat();
    }
    this.deadline = now + this.budgetMs;
  }

  /** Ends the span; throws if it overran, even when the learner's code caught the error. */
  end(): void {
    this.deadline = Infinity;
    if (this.exceeded) throw this.exceeded;
  }

  /** Runs one call of the learner's code within the budget. */
  call<R>(f: () => R): R {
    this.begin();
    let result: R;
    try {
      result = f();
    } finally {
      this.end();
    }
    return result;
  }
}
