import { SingleBar } from 'cli-progress';

export interface Progress {
  tick(file: string): void;
  /** Print a line above the bar. */
  log(line: string): true;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; nothing otherwise (pipes, CI, files). */
export function startProgress(total: number): Progress | null {
  if (!process.stderr.isTTY || total < 2) return null;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'analyzing [{bar}] {value}/{total} {percentage}% | {eta_formatted} left | {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
  );
  bar.start(total, 0, { file: '' });
  return {
    tick(file) {
      bar.increment(1, { file: file.length > 40 ? '…' + file.slice(-39) : file });
    },
    log(line) {
      process.stderr.write('\r\x1b[K' + line + '\n');
      bar.render();
      return true;
    },
    stop() {
      bar.stop();
    },
  };
}
