// Preloaded (`node --import`) into a process the benchmark starts: on exit, one line on stderr
// with the process's own CPU time and peak memory, which the parent cannot read of a child.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(
    `\nchiso-bench-usage ${JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS })}\n`,
  );
});
