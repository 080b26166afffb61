/**
 * Where the pipeline reports progress. The action writes to @actions/core, the CLI to stderr,
 * tests to an array; stages never print directly.
 */
export interface Logger {
  info(message: string): void;
  warning(message: string, file?: string): void;
  /** Runs `fn` with its output folded under `title` (a collapsible group in Actions logs). */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs one pipeline stage: where the log folds (Actions), each stage is one group and the
   * groups inside it become headed blocks, as Actions groups do not nest. Optional: a logger
   * without it runs the stage as it is.
   */
  stage?<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Raw output of a child process (cargo's log), shown inside the current group. */
  output(chunk: string): void;
}

/** A logger that keeps everything, for tests and for quiet runs. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warning(message: string): void {
    this.lines.push(`warning: ${message}`);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push(`[${title}]`);
    return fn();
  }
  output(chunk: string): void {
    this.lines.push(chunk);
  }
}
