import ComplaintCLI

// `engine-bench [replay] [--commit per-command|per-complaint|batch:N] [--concurrency N] [--complaints N] …`:
// the standard workload through the engine, exactly as `complaintctl bench` runs it.
await BenchCommand.runAsExecutable()
