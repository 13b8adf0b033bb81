// Loaded with `node -r out/bench/rssProbe.js dist/cli.js …` by bench/cliBench.ts: when the process ends, says on
// stderr how much memory it held at its peak (the whole process, its worker threads included).
process.on('exit', () => {
  process.stderr.write(`\nnewsmark-bench-maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
