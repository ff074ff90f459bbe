using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Baton.AI.Steps;
using Baton.AI.Telemetry;
using Baton.AI.Tests.Steps;
using Baton.Storage;
using Baton.Testing.Models;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tests.Telemetry;

/// <summary>
/// A run with the real <c>openai</c> provider and a key, against a loopback server that repeats the key back in an answer
/// and in an error: no span of a Baton source (tags, status, events) and no log line holds the key.
/// </summary>
public sealed class KeySecrecyTelemetryTests
{
    private const string Key = "sk-live-telemetry-5c81d09be2f4a736";

    [Fact]
    public async Task Run_WithTheOpenAIProviderAndAKey_NoSpanOrLogLineHoldsTheKey()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(
            ModelReply.WithText($"Your key is {Key}."),
            ModelReply.Error(401, $"Incorrect API key provided: {Key}. You can find your API key at https://platform.openai.com."));
        var logs = new LineCollector();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        using var spans = new SpanRecorder(source => source.Name.StartsWith("Baton.", StringComparison.Ordinal));
        await using var h = await AIHarness.CreateAsync(
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key },
            loggerFactory: loggerFactory,
            options: new AIOptions { CaptureContent = true });
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}", max-retries: 0 }
            """);

        var result = await h.RunAsync("""
            name: keyed
            steps:
              - id: ask
                llm: { model: openai/gpt-4o-mini, prompt: What is my key? }
              - id: again
                llm: { model: openai/gpt-4o-mini, prompt: "Once more: ${{ steps.ask.output.text }}" }
                on-error: continue
            outputs: ${{ steps.again.error.code }}
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!.GetValue<string>().Should().Be("llm.rejected", "the second call was refused with the key in the provider's message");
        server.Requests.Should().HaveCount(2).And.OnlyContain(r => r.HasAuthorization, "the key was sent with both calls");

        var recorded = spans.Spans;
        recorded.Select(s => s.Source.Name).Should().Contain([AITelemetry.SourceName, "Baton.Engine"]);
        var chats = recorded.Where(s => (string?)s.GetTagItem("gen_ai.operation.name") == "chat").ToList();
        chats.Should().HaveCount(2);
        chats.Should().OnlyContain(s => (string?)s.GetTagItem("gen_ai.provider.name") == "openai");
        chats.Should().Contain(s => s.Status == ActivityStatusCode.Error, "the refused call is an error span");
        foreach (var span in recorded)
        {
            Describe(span).Should().NotContain(Key, $"span '{span.DisplayName}' of {span.Source.Name} must not hold the key");
        }

        // The engine and the AI steps log only what goes wrong unexpectedly, so this run may log nothing at all: the check
        // guards every line that is logged, now or later.
        logs.Lines.Should().NotContain(line => line.Contains(Key, StringComparison.Ordinal));
    }

    /// <summary>Everything a span carries: its name, tags, status, events with their tags, links and baggage.</summary>
    private static string Describe(Activity span) => JsonSerializer.Serialize(new
    {
        span.DisplayName,
        span.OperationName,
        Tags = span.TagObjects.Select(t => $"{t.Key}={Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)}"),
        span.StatusDescription,
        Events = span.Events.Select(e => new { e.Name, Tags = e.Tags.Select(t => $"{t.Key}={Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)}") }),
        Links = span.Links.SelectMany(l => l.Tags ?? []).Select(t => $"{t.Key}={t.Value}"),
        Baggage = span.Baggage.Select(b => $"{b.Key}={b.Value}"),
    });

    /// <summary>Every log line, formatted, with its state's values and its exception.</summary>
    private sealed class LineCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                lines.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}
