/** What a CLI command may touch, injected so tests run commands in-process. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Folder relative paths are taken from (default: the process's). */
  cwd?: string;
}
