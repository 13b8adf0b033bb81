// The warm cross-article check alone, repeated, timed by the clock and by the CPU time of this process (steadier than
// the clock on a machine shared with other work), and optionally profiled: where a warm re-check spends its time.
// usage: node --expose-gc out/bench/warmBench.js [N=10000] [--repeat R=3] [--top]
//   --top   profile the warm checks and print the functions with the most self time (PROFILE_OUT=F also writes
//           the profile to F, to open in a profiler)

import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { analyze, type Analysis } from '../src/core';
import { crossCheck, type ArticleInput } from '../src/core/cross/crossdoc';
import { generated } from './workspace';

const n = Number(process.argv[2]) || 10000;
const ri = process.argv.indexOf('--repeat');
const repeat = ri >= 0 ? Number(process.argv[ri + 1]) : 3;

const texts = Array.from({ length: n }, (_, k) => generated(k));
const analyses: Analysis[] = texts.map(t => analyze(t));
const input = (): ArticleInput[] => texts.map((text, k) => ({ doc: `a${k}.txt`, text, analysis: analyses[k] }));
const gc = (globalThis as { gc?: () => void }).gc;

const c0 = process.cpuUsage();
const t0 = Date.now();
const cold = crossCheck(input());
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
console.log(
  `${n} articles: cold check ${((Date.now() - t0) / 1000).toFixed(2)} s (cpu ${cpu(process.cpuUsage(c0)).toFixed(2)} s); ${cold.conflicts.length} conflicts`,
);

function warmRuns(): void {
  for (let r = 0; r < repeat; r++) {
    gc?.();
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    crossCheck(input());
    const wall = Number(process.hrtime.bigint() - t) / 1e9;
    console.log(`  warm ${r + 1}: ${wall.toFixed(2)} s (cpu ${cpu(process.cpuUsage(c)).toFixed(2)} s)`);
  }
}

if (!process.argv.includes('--top')) warmRuns();
else {
  const s = new Session();
  s.connect();
  s.post('Profiler.enable', () =>
    s.post('Profiler.setSamplingInterval', { interval: 200 }, () =>
      s.post('Profiler.start', () => {
        warmRuns();
        s.post('Profiler.stop', (_e, r) => {
          if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(r.profile));
          const nodes = r.profile.nodes;
          const dt = r.profile.timeDeltas ?? [];
          const byId = new Map(nodes.map(x => [x.id, x]));
          const self = new Map<string, number>();
          (r.profile.samples ?? []).forEach((id, i) => {
            const f = byId.get(id)!.callFrame;
            const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
            self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
          });
          const total = [...self.values()].reduce((a, b) => a + b, 0);
          for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
            console.log(
              `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
            );
        });
      }),
    ),
  );
}
