using System.Diagnostics.Metrics;
using Baton.AI.Models;
using Baton.AI.Telemetry;
using Baton.AI.Tests.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Telemetry;

public sealed class ChatMetricsTests
{
    [Fact]
    public async Task GetResponseAsync_RecordsTokenUsageAndDurationByTheGenAIConventions()
    {
        // A provider name of its own, so that calls made by tests running in parallel are not counted here.
        var provider = $"metrics-{Guid.NewGuid():N}";
        var clock = new SteppingClock();
        var inner = new TestChatClient((_, _) =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(1500));
            return new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, "ok"))
            {
                ModelId = "m-2026",
                Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 7 },
            };
        });
        var registry = new ModelProviderRegistry([new TestModelProvider(provider, (_, _) => inner)], clock);
        var tokens = new List<(long Value, Dictionary<string, object?> Tags)>();
        var durations = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AITelemetry.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (instrument.Name == "gen_ai.client.token.usage" && Equals(map["gen_ai.provider.name"], provider))
            {
                tokens.Add((value, map));
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "gen_ai.client.operation.duration" && tags.ToArray().Any(t => t.Key == "gen_ai.provider.name" && Equals(t.Value, provider)))
            {
                durations.Add(value);
            }
        });
        listener.Start();

        await registry.GetClient(new ModelSettings { Model = new ModelReference(provider, "m") }, TestCredentials.None).GetResponseAsync("hi");

        durations.Should().Equal(1.5);
        tokens.Select(t => (t.Value, t.Tags["gen_ai.token.type"])).Should().Equal((120L, "input"), (7L, "output"));
        tokens[0].Tags["gen_ai.request.model"].Should().Be("m");
        tokens[0].Tags["gen_ai.response.model"].Should().Be("m-2026");
        tokens[0].Tags["gen_ai.operation.name"].Should().Be("chat");
    }
}
