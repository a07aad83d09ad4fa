-- Shared by every wrk run of bench/http/run: prints one machine-readable line at the end.
-- Latency figures are in microseconds.
function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
