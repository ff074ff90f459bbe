using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Bench;

/// <summary>N runs of K no-op steps through the real engine and a real, fsync'd SQLite store, C runs at a time.</summary>
internal static class ThroughputBenchmark
{
    public static async Task<BenchReport> RunAsync(string directory, int workflows, int steps, int concurrency, Terminal? progress, CancellationToken cancellationToken)
    {
        var noop = new NoopStep();
        var options = new BatonEngineOptions { WorkerConcurrency = Math.Max(concurrency, 1) };
        var host = await CliHost.OpenAsync(new StoreLocation(Path.Combine(directory, "bench.db"), "bench"), null, false, [noop], cancellationToken, options).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var definition = host.Engine.LoadDefinition(WriteWorkflow(directory, steps));

            // Untimed warm-up rounds until the JIT settles, so that the figures measure the engine, not the JIT compiling it.
            var warmUpRuns = Math.Min(200, Math.Max(20, workflows / 10));
            await JitWarmth.WarmUpAsync(
                round => Parallel.ForAsync(0, warmUpRuns, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = round }, async (_, ct) =>
                    noop.Forget((await host.Engine.RunAsync(definition, null, null, ct).ConfigureAwait(false)).RunId)),
                cancellationToken).ConfigureAwait(false);
            noop.Reset();

            var transactionsBefore = host.Store.TransactionCount;
            var gate = new SemaphoreSlim(concurrency);
            var failures = 0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            var collectionsBefore = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            using var reporter = progress is null ? null : new ProgressReporter(progress, () => $"{noop.Executions:N0} of {(long)workflows * steps:N0} steps");
            var running = new List<Task>(workflows);
            for (var i = 0; i < workflows; i++)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                running.Add(Task.Run(
                    async () =>
                    {
                        try
                        {
                            var result = await host.Engine.RunAsync(definition, null, null, cancellationToken).ConfigureAwait(false);
                            noop.Forget(result.RunId);
                            if (result.Status != RunStatus.Completed)
                            {
                                Interlocked.Increment(ref failures);
                            }
                        }
                        finally
                        {
                            gate.Release();
                        }
                    },
                    cancellationToken));
            }

            await Task.WhenAll(running).ConfigureAwait(false);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            var collections = GC.CollectionCount(0) - collectionsBefore;
            var transactions = host.Store.TransactionCount - transactionsBefore;
            var gaps = noop.GapsMs.Order().ToList();
            var transitions = noop.Executions;
            return new BenchReport(
                concurrency == 1 ? "sequential" : "throughput",
                new JsonObject { ["workflows"] = workflows, ["steps"] = steps, ["concurrency"] = concurrency, ["durability"] = "WAL, synchronous=FULL (fsync on every commit)" },
                new JsonObject
                {
                    ["stepTransitions"] = transitions,
                    ["failedRuns"] = failures,
                    ["elapsedSeconds"] = BenchReport.Round(clock.Elapsed.TotalSeconds),
                    ["transitionsPerSecond"] = BenchReport.Round(transitions / clock.Elapsed.TotalSeconds, 0),
                    ["perStepOverheadMs"] = new JsonObject
                    {
                        ["p50"] = BenchReport.Round(BenchReport.Percentile(gaps, 50)),
                        ["p99"] = BenchReport.Round(BenchReport.Percentile(gaps, 99)),
                        ["mean"] = BenchReport.Round(gaps.Count == 0 ? double.NaN : gaps.Average()),
                    },
                    ["storeTransactions"] = transactions,
                    ["transitionsPerTransaction"] = BenchReport.Round(transactions == 0 ? 0 : (double)transitions / transactions, 2),
                    ["allocatedKbPerTransition"] = BenchReport.Round(allocated / 1024.0 / Math.Max(1, transitions), 2),
                    ["gen0Collections"] = collections,
                    ["peakWorkingSetMb"] = double.Parse(BenchReport.Mb(ProcessMemory.PeakBytes()), CultureInfo.InvariantCulture),
                });
        }
    }

    private static string WriteWorkflow(string directory, int steps)
    {
        var yaml = new StringBuilder("name: bench\nsteps:\n");
        for (var i = 1; i <= steps; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: s{i}\n    noop: {{}}\n");
        }

        var path = Path.Combine(directory, "bench.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
