// Where the engine spends its time on real articles: `node --cpu-prof out/bench/profile.js` writes a CPU profile of
// analysing ../shared/basil ten times (or `--generated N`: the workspace bench's generated articles); `node out/bench/profile.js --top` prints the functions with the most self time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Session } from 'node:inspector';
import { analyze } from '../src/core';
import { generated } from './workspace';

const dir = resolve(__dirname, '../../../shared/basil');
const texts = (d: string): string[] =>
  readdirSync(d)
    .sort()
    .flatMap(n => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? texts(p) : n.endsWith('.txt') ? [readFileSync(p, 'utf8')] : [];
    });
// --generated N: the workspace benchmark's generated articles instead of basil.
const gi = process.argv.indexOf('--generated');
const all = gi >= 0 ? Array.from({ length: Number(process.argv[gi + 1]) }, (_, k) => generated(k)) : texts(dir);
const run = () => {
  for (let i = 0; i < 10; i++) for (const t of all) analyze(t);
};

if (process.argv.includes('--top')) {
  const s = new Session();
  s.connect();
  s.post('Profiler.enable', () =>
    s.post('Profiler.start', () => {
      run();
      s.post('Profiler.stop', (_e, r) => {
        const self = new Map<string, number>();
        const nodes = r.profile.nodes;
        const dt = r.profile.timeDeltas ?? [];
        const byId = new Map(nodes.map(n => [n.id, n]));
        const hits = new Map<number, number>();
        (r.profile.samples ?? []).forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + (dt[i] ?? 0)));
        for (const [id, us] of hits) {
          const f = byId.get(id)!.callFrame;
          const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
          self.set(key, (self.get(key) ?? 0) + us);
        }
        const total = [...self.values()].reduce((a, b) => a + b, 0);
        for (const [k, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
          console.log(
            `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
          );
        }
      });
    }),
  );
} else run();
