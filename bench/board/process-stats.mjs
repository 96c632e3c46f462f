// Memory of a child process, read from /proc (Linux): the resident set in bytes.
import { readFileSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';

export function rssOf(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `ms` until stopped; returns the highest seen. */
export function sampleRss(pid, ms = 200) {
  let peak = rssOf(pid) ?? 0;
  const timer = setInterval(() => {
    const rss = rssOf(pid);
    if (rss !== null && rss > peak) peak = rss;
  }, ms);
  return () => {
    clearInterval(timer);
    const rss = rssOf(pid);
    return Math.max(peak, rss ?? 0);
  };
}

export const mb = (bytes) => (bytes === null || bytes === undefined ? null : Math.round((bytes / 1024 / 1024) * 10) / 10);

/** The load average of the machine: the benchmark prints it, as other work skews every figure. */
export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return null;
  }
}
