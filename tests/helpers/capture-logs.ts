import { Writable } from 'node:stream';
import { createLogger, rootLogger, setRootLogger } from '@/server/kernel/log/logger';

/** Routes the process logger into an array for one test; `restore()` puts the previous one back. */
export function captureLogs(level = 'info') {
  const previous = rootLogger();
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  setRootLogger(createLogger({ level, destination }));
  return { lines, restore: () => setRootLogger(previous) };
}
