/**
 * Reading files named by the user (kubeconfigs and the files they point at, snapshot files) without ever
 * blocking: a FIFO with no writer blocks open() and read() forever, a device such as /dev/zero never ends, and
 * a synchronous read of either stops every timer of the process. Files are opened non-blocking, checked to be
 * regular files, and read up to a limit.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** What kind of file this is, for a message: "a directory", "a FIFO (named pipe)", "a device"... */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Why `path` is not a file that can be read without blocking ("is a FIFO (named pipe), not a regular file"), or
 * undefined. A path that cannot be stat'ed is left to the reader, whose error says why.
 */
export function notARegularFile(path: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(path); // stat never blocks, whatever the file is
  } catch {
    return undefined;
  }
  return stats.isFile() ? undefined : `is ${kindOf(stats)}, not a regular file`;
}

/** A file of at most `maxBytes`, as UTF-8 text. Throws (ENOENT as is) with a message saying what the file is instead. */
export function readRegularFile(path: string, maxBytes: number): string {
  // O_NONBLOCK: opening a FIFO that nobody writes returns at once instead of waiting for a writer.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new Error(`it is ${megabytes(stats.size)}, more than the ${megabytes(maxBytes)} such a file may have`);
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      // It grew while being read.
      if (length > maxBytes) throw new Error(`it is more than the ${megabytes(maxBytes)} such a file may have`);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round(bytes / 1024 / 1024)} MB`;
}
