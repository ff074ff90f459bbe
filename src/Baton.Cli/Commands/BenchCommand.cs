using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Cli.Bench;
using Baton.Cli.Output;

namespace Baton.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var workflows = new Option<int>("--workflows") { Description = "How many runs (after an untimed warm-up).", DefaultValueFactory = _ => 5000 }.Between(1, 10_000_000);
        var steps = new Option<int>("--steps") { Description = "No-op steps per run.", DefaultValueFactory = _ => 10 }.Between(1, 100_000);
        var concurrency = new Option<int?>("--concurrency") { Description = "Runs in flight at once (default 128; 1 measures the sequential per-step overhead alone); with --ai, model calls in flight (default 20)." }.Between(1, 4096);
        var waiting = new Option<int?>("--waiting") { Description = "Instead: fill a store with this many waiting runs and measure a worker's memory while it polls." }.Between(1, 10_000_000);
        var idle = new Option<int>("--idle") { Description = "With --waiting: seconds the worker polls.", DefaultValueFactory = _ => 5 }.Between(1, 3600);
        var ai = new Option<bool>("--ai") { Description = "Only the AI fan-out: one run of --calls llm steps against an OpenAI-compatible server on loopback." };
        var calls = new Option<int>("--calls") { Description = "AI fan-out: model calls (one llm step each).", DefaultValueFactory = _ => 200 }.Between(1, 1_000_000);
        var latency = new Option<int>("--latency") { Description = "AI fan-out: milliseconds the loopback model server takes per call.", DefaultValueFactory = _ => 100 }.Between(1, 60_000);
        var directory = new Option<string?>("--dir") { Description = "Where the benchmark's store goes (removed afterwards). Default: a new directory under the current one, so that it is on a real disk." }.NotBlank();
        var json = CommonOptions.Json();
        var command = new Command("bench", "Measure the engine on a real, fsync'd store: durable step transitions per second, per-step overhead (p50, p99), peak memory, and an AI fan-out against a loopback model server.")
        {
            workflows, steps, concurrency, waiting, idle, ai, calls, latency, directory, json,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var n = parse.GetValue(workflows);
            var k = parse.GetValue(steps);
            var onlyAI = parse.GetValue(ai);
            var c = parse.GetValue(concurrency) ?? (onlyAI ? FanOutConcurrency : 128);
            var fanOut = onlyAI ? c : FanOutConcurrency;
            var callCount = parse.GetValue(calls);
            var callLatency = TimeSpan.FromMilliseconds(parse.GetValue(latency));
            if (n < 1 || k < 1 || c < 1 || c > 4096)
            {
                throw new UsageException("--workflows and --steps must be at least 1, and --concurrency between 1 and 4096.");
            }

            if (callCount < 1 || callLatency < TimeSpan.FromMilliseconds(1) || callLatency > TimeSpan.FromMinutes(1) || (onlyAI && c > 256))
            {
                throw new UsageException("--calls must be at least 1, --latency between 1 and 60000 ms, and --concurrency with --ai at most 256 (a foreach's limit).");
            }

            var asJson = parse.GetValue(json);
            var terminal = Terminal.Stdout;
            var progress = asJson ? null : terminal;
            var dir = Path.GetFullPath(parse.GetValue(directory) ?? Path.Combine(Environment.CurrentDirectory, $".baton-bench-{Guid.NewGuid():n}"));
            Directory.CreateDirectory(dir);
            try
            {
                var reports = new List<BenchReport>();
                if (parse.GetValue(waiting) is { } m)
                {
                    progress?.Line($"Filling a store with {m:N0} waiting runs in {dir}");
                    reports.Add(await WaitingRunsBenchmark.RunAsync(dir, m, Math.Max(c, 16), TimeSpan.FromSeconds(parse.GetValue(idle)), progress, ct).ConfigureAwait(false));
                }
                else if (!onlyAI)
                {
                    progress?.Line($"{n:N0} runs x {k} no-op steps, {c} at a time, in {dir}");
                    reports.Add(await ThroughputBenchmark.RunAsync(Sub(dir, "a"), n, k, c, progress, ct).ConfigureAwait(false));
                    if (c > 1)
                    {
                        var sequential = Math.Min(n, 200);
                        progress?.Line($"{sequential:N0} runs x {k} no-op steps, one at a time");
                        reports.Add(await ThroughputBenchmark.RunAsync(Sub(dir, "b"), sequential, k, 1, progress, ct).ConfigureAwait(false));
                    }
                }

                if (onlyAI || parse.GetValue(waiting) is null)
                {
                    progress?.Line($"AI fan-out: {callCount:N0} llm steps, {fanOut} at a time, against a loopback OpenAI-compatible server taking {callLatency.TotalMilliseconds:0} ms per call");
                    reports.Add(await AIFanOutBenchmark.RunAsync(Sub(dir, "ai"), callCount, fanOut, callLatency, progress, ct).ConfigureAwait(false));
                }

                if (asJson)
                {
                    JsonOutput.Write(terminal.Writer, new JsonArray([.. reports.Select(r => (JsonNode)r.ToJson())]));
                }
                else
                {
                    foreach (var report in reports)
                    {
                        Print(terminal, report);
                    }
                }

                return ExitCodes.Success;
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }));
        return command;
    }

    /// <summary>The AI fan-out's model calls in flight unless <c>--ai --concurrency</c> says otherwise.</summary>
    private const int FanOutConcurrency = 20;

    private static string Sub(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static void Print(Terminal t, BenchReport report)
    {
        t.Line();
        t.Line(t.Bold($"{report.Scenario}: {JsonOutput.Inline(report.Settings)}"));
        var r = report.Results;
        if (report.Scenario == "waiting")
        {
            t.Line($"  created in {r["createSeconds"]} s; store file {r["storeFileMb"]} MB; first idle poll {r["firstPollMs"]} ms, claimed {r["claimedByIdlePoll"]}");
            t.Line($"  worker managed heap: {r["workerManagedHeapMb"]!["emptyStore"]} MB over an empty store, {r["workerManagedHeapMb"]!["before"]} MB over the full one before polling, {r["workerManagedHeapMb"]!["after"]} MB after");
            t.Line($"  worker resident set: {r["workerResidentMb"]!["before"]} MB before polling, {r["workerResidentMb"]!["after"]} MB after");
            return;
        }

        var perStep = r["perStepOverheadMs"]!;
        if (report.Scenario == "ai-fan-out")
        {
            var verdict = r["withinTolerance"]!.GetValue<bool>() ? t.Bold("within") : t.Bold("NOT within");
            t.Line($"  {r["modelCallsServed"]} model calls in {t.Bold(r["elapsedSeconds"] + " s")}; ideal {r["idealSeconds"]} s; {r["overIdealPercent"]}% over, {verdict} {AIFanOutBenchmark.Tolerance:P0}");
            t.Line($"  engine overhead per AI step (step time less its model call): p50 {t.Bold(perStep["p50"] + " ms")}, p99 {perStep["p99"]} ms, mean {perStep["mean"]} ms");
            t.Line($"  at most {r["maxCallsInFlight"]} calls in flight; cost {r["costUsd"]} USD by the price table; peak working set {r["peakWorkingSetMb"]} MB");
            return;
        }

        t.Line($"  {r["stepTransitions"]} durable step transitions in {r["elapsedSeconds"]} s = {t.Bold(Format(r["transitionsPerSecond"]))} transitions/s");
        t.Line($"  per-step overhead: p50 {t.Bold(perStep["p50"] + " ms")}, p99 {perStep["p99"]} ms, mean {perStep["mean"]} ms");
        t.Line($"  {r["storeTransactions"]} fsync'd transactions ({r["transitionsPerTransaction"]} transitions each); failed runs {r["failedRuns"]}");
        t.Line($"  peak working set {r["peakWorkingSetMb"]} MB; {r["allocatedKbPerTransition"]} KB allocated per transition; {r["gen0Collections"]} gen0 collections");
    }

    private static string Format(JsonNode? number) => number?.GetValue<double>().ToString("N0", CultureInfo.InvariantCulture) ?? "?";
}
