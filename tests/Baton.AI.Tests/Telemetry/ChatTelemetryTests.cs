using System.Diagnostics;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Scripted;
using Baton.AI.Tests.Models;
using Baton.AI.Tests.Scripted;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Telemetry;

public sealed class ChatTelemetryTests
{
    private const string Script = """
        responses:
          - text: billing
            usage: { input: 180, output: 1 }
        """;

    [Fact]
    public async Task GetResponseAsync_RecordsAChatSpanWithTheGenAIAttributes()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings(Script) with { Temperature = 0.2, MaxOutputTokens = 50 }, captureContent: false);

        await client.GetResponseAsync([Scripts.User("Refund my order")]);

        var span = recorder.Single("chat triage");
        span.Kind.Should().Be(ActivityKind.Client);
        span.Source.Name.Should().Be("Baton.AI");
        Tags(span).Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["gen_ai.operation.name"] = "chat",
            ["gen_ai.provider.name"] = "scripted",
            ["gen_ai.request.model"] = "triage",
            ["gen_ai.request.temperature"] = 0.2,
            ["gen_ai.request.max_tokens"] = 50,
            ["gen_ai.response.model"] = "triage",
            ["gen_ai.response.id"] = "scripted-1",
            ["gen_ai.usage.input_tokens"] = 180L,
            ["gen_ai.usage.output_tokens"] = 1L,
            ["gen_ai.response.finish_reasons"] = new[] { "stop" },
        });
        span.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task GetResponseAsync_StepValuesInOptions_WinOverTheModelDefaults()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings(Script) with { Temperature = 0.2, MaxOutputTokens = 50 }, captureContent: false);

        await client.GetResponseAsync([Scripts.User("Refund")], new ChatOptions { Temperature = 0.7f, MaxOutputTokens = 10, ModelId = "triage-v2" });

        var span = recorder.Single("chat triage-v2");
        span.GetTagItem("gen_ai.request.temperature").Should().Be(0.7);
        span.GetTagItem("gen_ai.request.max_tokens").Should().Be(10);
        span.GetTagItem("gen_ai.request.model").Should().Be("triage-v2");
    }

    [Fact]
    public async Task GetResponseAsync_ContentNotOptedIn_LeavesPromptsAndAnswersOut()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings(Script), captureContent: false);

        await client.GetResponseAsync([Scripts.User("Refund my order")], new ChatOptions { Instructions = "Be brief." });

        var span = recorder.Single("chat triage");
        span.Tags.Select(t => t.Key).Should().NotContain(["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions"]);
        span.Tags.Select(t => t.Value).Should().NotContain(v => v != null && (v.Contains("Refund", StringComparison.Ordinal) || v.Contains("billing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetResponseAsync_ContentOptedIn_RecordsTheMessagesAsGenAIJson()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings("""
            responses:
              - tool-calls: [{ name: kb_search, arguments: { query: refund } }]
            """), captureContent: true);
        ChatMessage[] conversation =
        [
            new(ChatRole.System, "You triage tickets."),
            Scripts.User("Refund my order"),
        ];

        await client.GetResponseAsync(conversation, new ChatOptions { Instructions = "Be brief." });

        var span = recorder.Single("chat triage");
        span.GetTagItem("gen_ai.system_instructions").Should().Be("Be brief.");
        var input = JsonNode.Parse((string)span.GetTagItem("gen_ai.input.messages")!);
        JsonNode.DeepEquals(input, JsonNode.Parse("""
            [
              { "role": "system", "parts": [ { "type": "text", "content": "You triage tickets." } ] },
              { "role": "user", "parts": [ { "type": "text", "content": "Refund my order" } ] }
            ]
            """)).Should().BeTrue(input!.ToJsonString());
        var output = JsonNode.Parse((string)span.GetTagItem("gen_ai.output.messages")!);
        JsonNode.DeepEquals(output, JsonNode.Parse("""
            [
              {
                "role": "assistant",
                "parts": [ { "type": "tool_call", "id": "call_1_1", "name": "kb_search", "arguments": { "query": "refund" } } ],
                "finish_reason": "tool_calls"
              }
            ]
            """)).Should().BeTrue(output!.ToJsonString());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_RecordsTheSpanWhenTheStreamEnds()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings(Script), captureContent: false);

        var updates = await client.GetStreamingResponseAsync([Scripts.User("Refund my order")]).ToListAsync();

        updates.ToChatResponse().Text.Should().Be("billing");
        var span = recorder.Single("chat triage");
        span.GetTagItem("gen_ai.response.id").Should().Be("scripted-1");
        span.GetTagItem("gen_ai.usage.input_tokens").Should().Be(180L);
        span.GetTagItem("gen_ai.response.finish_reasons").Should().BeEquivalentTo(new[] { "stop" });
    }

    [Fact]
    public async Task GetResponseAsync_ModelCallFails_RecordsTheErrorCode()
    {
        using var recorder = new SpanRecorder();
        var client = Client(Scripts.Settings(Script), captureContent: false);

        var act = () => client.GetResponseAsync([Scripts.User("Refund"), Scripts.Assistant("billing"), Scripts.User("Sure?")]);

        await act.Should().ThrowAsync<ModelCallException>();
        var span = recorder.Single("chat triage");
        span.GetTagItem("error.type").Should().Be("llm.script-exhausted");
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().StartWith("The script 'scripted/test.yaml' has no response for this call");
    }

    [Fact]
    public async Task GetResponseAsync_OtherFailure_RecordsTheTypeWithoutItsMessage()
    {
        using var recorder = new SpanRecorder();
        var failing = new TestChatClient((_, _) => throw new InvalidOperationException("connection to https://user:pw@llm.internal failed"));
        var registry = new ModelProviderRegistry([new TestModelProvider("test", (_, _) => failing)]);
        var client = registry.GetClient(new ModelSettings { Model = new ModelReference("test", "m") }, TestCredentials.None);

        var act = () => client.GetResponseAsync([Scripts.User("hi")]);

        await act.Should().ThrowAsync<InvalidOperationException>();
        var span = recorder.Single("chat m");
        span.GetTagItem("error.type").Should().Be("System.InvalidOperationException");
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().BeNull();
    }

    private static IChatClient Client(ModelSettings settings, bool captureContent)
        => new ModelProviderRegistry([new ScriptedModelProvider()], captureContent: captureContent).GetClient(settings, TestCredentials.None);

    private static Dictionary<string, object?> Tags(Activity span) => span.TagObjects.ToDictionary(t => t.Key, t => t.Value);
}
