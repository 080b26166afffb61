import type { Logger } from '../log.js';

/** The terminal logger: progress on stderr (stdout carries the report), build output when verbose. */
export class TerminalLogger implements Logger {
  constructor(
    private readonly write: (s: string) => void,
    private readonly verbose: boolean,
  ) {}
  info(message: string): void {
    this.write(`${message}\n`);
  }
  warning(message: string, file?: string): void {
    this.write(`warning: ${file ? `${file}: ` : ''}${message}\n`);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    if (this.verbose) this.write(`── ${title}\n`);
    return fn();
  }
  output(chunk: string): void {
    if (this.verbose) this.write(chunk);
  }
}
