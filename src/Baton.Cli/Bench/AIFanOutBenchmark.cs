using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;
using Baton.Testing.Models;

namespace Baton.Cli.Bench;

/// <summary>
/// One run fans out N <c>llm</c> steps, C at a time, against a real OpenAI-compatible server on loopback that takes a
/// fixed latency per call: the official SDK, Baton's HTTP pipeline, the journal and the fsync'd store all run. With
/// nothing else in the way the run takes N / C × latency; whatever it takes beyond that is Baton's.
/// </summary>
internal static class AIFanOutBenchmark
{
    /// <summary>How far above the ideal the run may finish, as a fraction of it.</summary>
    public const double Tolerance = 0.15;

    public static async Task<BenchReport> RunAsync(string directory, int calls, int concurrency, TimeSpan latency, Terminal? progress, CancellationToken cancellationToken)
    {
        await using var server = await LoopbackOpenAIServer.StartAsync().ConfigureAwait(false);
        server.DefaultReply = new ModelReply { Text = "positive", InputTokens = 42, OutputTokens = 3 };
        var workflow = WriteWorkflow(directory, server.BaseUrl, concurrency);
        var host = await CliHost.OpenAsync(new StoreLocation(Path.Combine(directory, "ai.db"), "bench"), null, false, null, cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            var definition = host.Engine.LoadDefinition(workflow);

            // Untimed warm-up rounds with no latency, until one leaves the JIT nothing more to compile, so that the
            // figures measure Baton's steady state rather than the JIT compiling it and the SDK.
            var rounds = 0;
            using (progress is null ? null : new ProgressReporter(progress, () => $"warming up: round {Volatile.Read(ref rounds)} of at most {JitWarmth.MaxRounds}"))
            {
                await JitWarmth.WarmUpAsync(
                    ct =>
                    {
                        Interlocked.Increment(ref rounds);
                        return RunFanOutAsync(host, definition, calls, ct);
                    },
                    cancellationToken).ConfigureAwait(false);
            }


            server.Latency = latency;
            var servedBefore = server.Served;

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using var reporter = progress is null ? null : new ProgressReporter(progress, () => $"{server.Served - servedBefore:N0} of {calls:N0} model calls answered");
            var result = await RunFanOutAsync(host, definition, calls, cancellationToken).ConfigureAwait(false);
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

            var executions = await host.Store.GetStepExecutionsAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            var steps = executions.Where(s => s.Kind == "llm" && !s.IsJournalEntry && s.Status == StepStatus.Completed).ToList();
            var overheads = StepOverheads(steps);
            var ideal = Math.Ceiling((double)calls / concurrency) * latency.TotalSeconds;
            var elapsed = clock.Elapsed.TotalSeconds;
            var cost = AIUsage.Totals(AIUsage.PerStep(executions))?["costUsd"]?.GetValue<decimal>() ?? 0;
            return new BenchReport(
                "ai-fan-out",
                new JsonObject
                {
                    ["calls"] = calls,
                    ["concurrency"] = concurrency,
                    ["latencyMs"] = latency.TotalMilliseconds,
                    ["endpoint"] = "OpenAI-compatible chat completions on loopback (Kestrel), through the official OpenAI SDK",
                    ["durability"] = "WAL, synchronous=FULL (fsync on every commit)",
                    ["warmUpRounds"] = rounds,
                },
                new JsonObject
                {
                    ["status"] = result.Status.ToString().ToLowerInvariant(),
                    ["modelCallsServed"] = server.Served - servedBefore,
                    ["maxCallsInFlight"] = server.MaxConcurrentRequests,
                    ["elapsedSeconds"] = BenchReport.Round(elapsed),
                    ["idealSeconds"] = BenchReport.Round(ideal),
                    ["overIdealPercent"] = BenchReport.Round((elapsed / ideal - 1) * 100, 1),
                    ["withinTolerance"] = result.Status == RunStatus.Completed && elapsed <= ideal * (1 + Tolerance),
                    ["perStepOverheadMs"] = new JsonObject
                    {
                        ["p50"] = BenchReport.Round(BenchReport.Percentile(overheads, 50)),
                        ["p99"] = BenchReport.Round(BenchReport.Percentile(overheads, 99)),
                        ["mean"] = BenchReport.Round(overheads.Count == 0 ? double.NaN : overheads.Average()),
                    },
                    ["llmSteps"] = steps.Count,
                    ["cpuSeconds"] = BenchReport.Round(cpu.TotalSeconds),
                    ["costUsd"] = cost,
                    ["peakWorkingSetMb"] = double.Parse(BenchReport.Mb(ProcessMemory.PeakBytes()), CultureInfo.InvariantCulture),
                });
        }
    }

    private static async Task<RunResult> RunFanOutAsync(CliHost host, Baton.Definitions.WorkflowDefinition definition, int calls, CancellationToken cancellationToken)
    {
        var result = await host.Engine.RunAsync(definition, new JsonObject { ["reviews"] = new JsonArray([.. Enumerable.Range(1, calls).Select(i => (JsonNode)i)]) }, null, cancellationToken).ConfigureAwait(false);
        if (result.Status != RunStatus.Completed)
        {
            throw new InvalidOperationException($"The fan-out run {result.RunId} ended {result.Status}: {result.Error?.Message}");
        }

        return result;
    }

    /// <summary>
    /// For each <c>llm</c> step: the time from its start to its outcome, less the time its model call took as the client
    /// saw it. What is left is Baton's work around the call: rendering the prompt, journaling the response with an
    /// fsync'd commit, parsing it and building the output.
    /// </summary>
    private static List<double> StepOverheads(IEnumerable<StepExecutionRecord> steps) =>
        [.. steps
            .Where(s => s is { StartedAt: not null, EndedAt: not null })
            .Select(s => (s.EndedAt!.Value - s.StartedAt!.Value).TotalMilliseconds - (s.Output?["latencyMs"]?.GetValue<double>() ?? 0))
            .Order()];

    private static string WriteWorkflow(string directory, Uri baseUrl, int concurrency)
    {
        File.WriteAllText(Path.Combine(directory, "baton.yaml"), $$$"""
            models:
              bench: openai/gpt-4o-mini
            providers:
              openai: { base-url: "{{{baseUrl}}}", max-concurrency: {{{concurrency}}}, max-retries: 0 }
            prices:
              openai/gpt-4o-mini: { input: 0.15, output: 0.60 }
            """);
        var path = Path.Combine(directory, "ai-fan-out.yaml");
        File.WriteAllText(path, $$$"""
            name: ai-fan-out
            inputs:
              type: object
              required: [reviews]
              properties:
                reviews: { type: array, minItems: 1, items: { type: integer } }
            steps:
              - id: reviews
                foreach:
                  items: ${{ inputs.reviews }}
                  concurrency: {{{concurrency}}}
                  steps:
                    - id: sentiment
                      llm:
                        model: bench
                        system: Answer with one word.
                        prompt: "Review ${{ item }}: the delivery was quick and the product works. Sentiment?"
                        max-tokens: 5
            outputs:
              calls: ${{ len(steps.reviews.output) }}
            """);
        return path;
    }
}
