using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>A small <c>baton bench --ai</c> run: the report has its fields, whatever the timings.</summary>
public sealed class AIBenchTests
{
    [Fact]
    public async Task BenchAI_TwentyCalls_ReportsEveryCallAndItsCost()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("bench", "--ai", "--calls", "20", "--latency", "1", "--json", "--dir", Path.Combine(cli.Directory, "bench"));

        result.ExitCode.Should().Be(0, result.ToString());
        var report = result.Json.AsArray().Should().ContainSingle().Subject!;
        report["scenario"]!.GetValue<string>().Should().Be("ai-fan-out");
        report["settings"]!["calls"]!.GetValue<int>().Should().Be(20);
        report["settings"]!["concurrency"]!.GetValue<int>().Should().Be(20);
        var results = report["results"]!;
        results["status"]!.GetValue<string>().Should().Be("completed");
        results["modelCallsServed"]!.GetValue<int>().Should().Be(20);
        results["llmSteps"]!.GetValue<int>().Should().Be(20);
        results["costUsd"]!.GetValue<decimal>().Should().Be(0.000162m, "20 calls × (42 input × $0.15/M + 3 output × $0.60/M)");
        results["maxCallsInFlight"]!.GetValue<int>().Should().BeInRange(1, 20);
        foreach (var field in new[] { "elapsedSeconds", "idealSeconds", "overIdealPercent", "cpuSeconds", "peakWorkingSetMb" })
        {
            results[field]!.GetValueKind().Should().Be(System.Text.Json.JsonValueKind.Number, field);
        }

        results["perStepOverheadMs"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(["p50", "p99", "mean"]);
        results["withinTolerance"]!.GetValueKind().Should().BeOneOf(System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False);
        report["machine"]!["processors"]!.GetValue<int>().Should().BePositive();
        Directory.Exists(Path.Combine(cli.Directory, "bench")).Should().BeFalse("the benchmark's store is removed afterwards");
    }
}
