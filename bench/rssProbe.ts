// Loaded with `node -r out/bench/rssProbe.js dist/cli.js …` by bench/cliBench.ts: when the process ends, says on
// stderr how much memory it held at its peak (the whole process, its worker threads included), how much CPU time it
// used, and how much of it each of its threads used (sampled from /proc while they run: the busiest thread bounds how
// fast the work could go on idle cores).
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // Linux counts thread times in ticks of 1/100 s (USER_HZ).
const threads = new Map<string, number>();
function sample(): void {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return; // not Linux
  }
  for (const tid of tids)
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) after the command's name.
      const ms = (Number(f[11]) + Number(f[12])) * TICK_MS;
      if (ms > (threads.get(tid) ?? 0)) threads.set(tid, ms);
    } catch {
      // The thread has ended.
    }
}
setInterval(sample, 100).unref();
process.on('exit', () => {
  sample();
  const cpu = process.cpuUsage();
  const busiest = Math.max(0, ...threads.values());
  process.stderr.write(
    `\nnewsmark-bench-maxrss-kb=${process.resourceUsage().maxRSS} cpu-ms=${Math.round((cpu.user + cpu.system) / 1000)} busiest-thread-ms=${busiest}\n`,
  );
});
