using System.Diagnostics;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Bench;

/// <summary>
/// Fills a store with runs that wait for an event, then lets a worker poll it: the worker's memory must stay flat,
/// because a waiting run is rows in the store, not state in a process.
/// </summary>
internal static class WaitingRunsBenchmark
{
    public static async Task<BenchReport> RunAsync(string directory, int runs, int concurrency, TimeSpan idle, Terminal? progress, CancellationToken cancellationToken)
    {
        var options = new BatonEngineOptions { PollInterval = TimeSpan.FromMilliseconds(50) };
        var path = Path.Combine(directory, "waiting.db");
        var workflow = Path.Combine(directory, "waiting.yaml");
        await File.WriteAllTextAsync(workflow, "name: waiting\nsteps:\n  - id: wait-for-go\n    wait: { event: go }\n", cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var created = 0;
        await using (var host = await CliHost.OpenAsync(new StoreLocation(path, "bench"), null, false, null, cancellationToken, options).ConfigureAwait(false))
        {
            var definition = host.Engine.LoadDefinition(workflow);
            using var reporter = progress is null ? null : new ProgressReporter(progress, () => $"{Volatile.Read(ref created):N0} of {runs:N0} waiting runs created");
            await Parallel.ForAsync(0, runs, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (_, ct) =>
            {
                var result = await host.Engine.RunAsync(definition, null, null, ct).ConfigureAwait(false);
                if (result.Status != RunStatus.Waiting)
                {
                    throw new InvalidOperationException($"Run {result.RunId} ended {result.Status} instead of waiting.");
                }

                Interlocked.Increment(ref created);
            }).ConfigureAwait(false);
        }

        var createSeconds = clock.Elapsed.TotalSeconds;

        // The baseline: a fresh engine over an empty store, so that "before" below shows what opening the full store costs.
        long heapEmptyStore;
        await using (await CliHost.OpenAsync(new StoreLocation(Path.Combine(directory, "empty.db"), "bench"), null, false, null, cancellationToken, options).ConfigureAwait(false))
        {
            heapEmptyStore = ProcessMemory.ManagedBytesAfterCollection();
        }

        // A fresh engine over the full store: what a worker that starts now holds.
        await using var worker = await CliHost.OpenAsync(new StoreLocation(path, "bench"), null, false, null, cancellationToken, options).ConfigureAwait(false);
        var heapBefore = ProcessMemory.ManagedBytesAfterCollection();
        var rssBefore = ProcessMemory.CurrentBytes();
        var probe = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var claimed = await worker.Store.ClaimRunsAsync(worker.Engine.WorkerId, now, now.AddSeconds(30), 64, cancellationToken).ConfigureAwait(false);
        var next = await worker.Store.GetNextReadyAtAsync(now, cancellationToken).ConfigureAwait(false);
        var pollMs = probe.Elapsed.TotalMilliseconds;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            progress?.Line($"  worker polling the store for {idle.TotalSeconds:0} s...");
            stop.CancelAfter(idle);
            try
            {
                await worker.Engine.RunWorkerAsync(untilIdle: false, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
            }
        }

        var heapAfter = ProcessMemory.ManagedBytesAfterCollection();
        var rssAfter = ProcessMemory.CurrentBytes();
        return new BenchReport(
            "waiting",
            new JsonObject { ["waitingRuns"] = runs, ["idleSeconds"] = idle.TotalSeconds, ["pollIntervalMs"] = options.PollInterval.TotalMilliseconds },
            new JsonObject
            {
                ["createSeconds"] = BenchReport.Round(createSeconds, 1),
                ["claimedByIdlePoll"] = claimed.Count,
                ["nextReadyAt"] = next?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["firstPollMs"] = BenchReport.Round(pollMs),
                ["workerManagedHeapMb"] = new JsonObject { ["emptyStore"] = BenchReport.Round(heapEmptyStore / 1048576.0, 1), ["before"] = BenchReport.Round(heapBefore / 1048576.0, 1), ["after"] = BenchReport.Round(heapAfter / 1048576.0, 1) },
                ["workerResidentMb"] = new JsonObject { ["before"] = BenchReport.Round(rssBefore / 1048576.0, 1), ["after"] = BenchReport.Round(rssAfter / 1048576.0, 1) },
                ["storeFileMb"] = BenchReport.Round(new FileInfo(path).Length / 1048576.0, 1),
            });
    }
}
