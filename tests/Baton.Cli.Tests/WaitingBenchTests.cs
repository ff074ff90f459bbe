using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>A small <c>baton bench --waiting</c> run: waiting runs are rows in the store, not memory in the worker that polls it.</summary>
public sealed class WaitingBenchTests
{
    [Fact]
    public async Task BenchWaiting_TwoThousandRuns_IdlePollClaimsNoneAndTheWorkersHeapDoesNotGrow()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("bench", "--waiting", "2000", "--idle", "1", "--json", "--dir", Path.Combine(cli.Directory, "bench"));

        result.ExitCode.Should().Be(0, result.ToString());
        var report = result.Json.AsArray().Should().ContainSingle("--waiting replaces the other scenarios").Subject!;
        report["scenario"]!.GetValue<string>().Should().Be("waiting");
        report["settings"]!["waitingRuns"]!.GetValue<int>().Should().Be(2000);
        report["settings"]!["idleSeconds"]!.GetValue<double>().Should().Be(1);
        var results = report["results"]!;
        results["claimedByIdlePoll"]!.GetValue<int>().Should().Be(0, "a run waiting for an event is not ready");
        results["nextReadyAt"].Should().BeNull("no run waits for a timer");
        var heap = results["workerManagedHeapMb"]!;
        var before = heap["before"]!.GetValue<double>();
        var after = heap["after"]!.GetValue<double>();
        var emptyStore = heap["emptyStore"]!.GetValue<double>();

        // 1 MB of slack: the figures are whole-process heaps after a full collection, rounded to 0.1 MB, and opening a store
        // or polling it builds a few lazy caches (statements, timers, thread-pool state) that are no per-run state. Holding the
        // 2,000 waiting runs would take more: over 0.5 KB a run (its id, workflow, status, times and state) is over 1 MB.
        before.Should().BeLessThanOrEqualTo(emptyStore + 1, "opening a store full of waiting runs loads none of them");
        after.Should().BeLessThanOrEqualTo(before + 1, "polling the store loads none of the waiting runs either");
        Directory.Exists(Path.Combine(cli.Directory, "bench")).Should().BeFalse("the benchmark's store is removed afterwards");
    }
}
