using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Models;

public sealed class ChatResponseJsonTests
{
    [Fact]
    public void FromJson_OfToJson_KeepsEverythingAReplayNeeds()
    {
        var original = FullResponse();

        var copy = ChatResponseJson.FromJson(JsonNode.Parse(ChatResponseJson.ToJson(original).ToJsonString())!);

        copy.ResponseId.Should().Be("resp-1");
        copy.ConversationId.Should().Be("conv-1");
        copy.ModelId.Should().Be("gpt-4o-mini-2024-07-18");
        copy.CreatedAt.Should().Be(new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero));
        copy.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        copy.Usage!.InputTokenCount.Should().Be(120);
        copy.Usage.OutputTokenCount.Should().Be(30);
        copy.Usage.TotalTokenCount.Should().Be(150);
        copy.Usage.CachedInputTokenCount.Should().Be(64);
        copy.Usage.AdditionalCounts!["audio"].Should().Be(3);
        copy.AdditionalProperties![AIChatKeys.Provider].Should().Be("openai");
        copy.AdditionalProperties["system_fingerprint"].Should().BeOfType<JsonElement>().Which.GetString().Should().Be("fp_1");

        var message = copy.Messages.Should().ContainSingle().Subject;
        message.Role.Should().Be(ChatRole.Assistant);
        message.AuthorName.Should().Be("analyst");
        message.Text.Should().Be("Looking it up.");
        var call = message.Contents.OfType<FunctionCallContent>().Should().ContainSingle().Subject;
        call.CallId.Should().Be("call_1");
        call.Name.Should().Be("kb_search");
        call.Arguments!["query"].Should().BeOfType<JsonElement>().Which.GetString().Should().Be("reset password");
        call.Arguments["limit"].Should().BeOfType<JsonElement>().Which.GetInt32().Should().Be(3);

        var logProbs = copy.AdditionalProperties[AIChatKeys.LogProbs].Should().BeAssignableTo<IReadOnlyList<TokenLogProb>>().Subject;
        logProbs.Should().HaveCount(2);
        logProbs[0].Token.Should().Be("Look");
        logProbs[0].LogProb.Should().Be(-0.25);
        logProbs[0].TopAlternatives.Should().Equal(new TokenAlternative("Look", -0.25), new TokenAlternative("Search", -1.5));
        logProbs[1].LogProb.Should().Be(double.NegativeInfinity);

        JsonNode.DeepEquals(ChatResponseJson.ToJson(copy), ChatResponseJson.ToJson(original)).Should().BeTrue();
    }

    [Fact]
    public void FromJson_OfToJson_KeepsToolResultsAndReasoning()
    {
        var original = new ChatResponse(
        [
            new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", new Dictionary<string, object?> { ["hits"] = new[] { "KB-42" } })]),
            new ChatMessage(ChatRole.Assistant, [new TextReasoningContent("The article fits.") { ProtectedData = "opaque" }, new TextContent("See KB-42.")]),
        ]);

        var copy = ChatResponseJson.FromJson(ChatResponseJson.ToJson(original));

        var result = copy.Messages[0].Contents.Should().ContainSingle().Which.Should().BeOfType<FunctionResultContent>().Subject;
        result.CallId.Should().Be("call_1");
        result.Result.Should().BeOfType<JsonElement>().Which.GetRawText().Should().Be("""{"hits":["KB-42"]}""");
        var reasoning = copy.Messages[1].Contents[0].Should().BeOfType<TextReasoningContent>().Subject;
        reasoning.Text.Should().Be("The article fits.");
        reasoning.ProtectedData.Should().Be("opaque");
        copy.Text.Should().Be("See KB-42.");
        copy.Usage.Should().BeNull();
        copy.AdditionalProperties.Should().BeNull();
    }

    [Fact]
    public void FromJson_OfToJson_KeepsOtherContentKindsInTheLibrarysForm()
    {
        var original = new ChatResponse(new ChatMessage(ChatRole.Assistant, [new UriContent(new Uri("https://example.com/chart.png"), "image/png")]));

        var copy = ChatResponseJson.FromJson(ChatResponseJson.ToJson(original));

        var uri = copy.Messages[0].Contents.Should().ContainSingle().Which.Should().BeOfType<UriContent>().Subject;
        uri.Uri.Should().Be(new Uri("https://example.com/chart.png"));
        uri.MediaType.Should().Be("image/png");
    }

    [Theory]
    [InlineData("[]", "The recorded model response cannot be read: the response must be an object, not a list.")]
    [InlineData("{}", "The recorded model response cannot be read: messages must be a list, not null.")]
    [InlineData("""{ "messages": [ { "contents": [] } ] }""", "The recorded model response cannot be read: messages[0].role is required.")]
    [InlineData("""{ "messages": [ { "role": "assistant", "contents": [ { "type": "image" } ] } ] }""",
        "The recorded model response cannot be read: messages[0].contents[0].type is 'image', which is not a content type (text, reasoning, functionCall, functionResult, content).")]
    [InlineData("""{ "messages": [ { "role": "assistant", "contents": [ { "type": "functionCall", "callId": "c", "name": "f", "arguments": [1] } ] } ] }""",
        "The recorded model response cannot be read: messages[0].contents[0].arguments must be an object, not a list.")]
    [InlineData("""{ "messages": [], "usage": { "inputTokens": "many" } }""", "The recorded model response cannot be read: usage.inputTokens must be a whole number, not \"many\".")]
    [InlineData("""{ "messages": [], "createdAt": "yesterday" }""", "The recorded model response cannot be read: createdAt is 'yesterday', which is not a time.")]
    [InlineData("""{ "messages": [], "logprobs": [ { "token": "a" } ] }""", "The recorded model response cannot be read: logprobs[0].logprob is required.")]
    [InlineData("""{ "messages": [], "finishReason": 3 }""", "The recorded model response cannot be read: finishReason must be a string, not a number.")]
    public void FromJson_Garbage_ThrowsFormatExceptionSayingWhere(string json, string expected)
    {
        var act = () => ChatResponseJson.FromJson(JsonNode.Parse(json)!);

        act.Should().Throw<FormatException>().WithMessage(expected);
    }

    private static ChatResponse FullResponse()
    {
        var arguments = new Dictionary<string, object?> { ["query"] = "reset password", ["limit"] = 3 };
        var message = new ChatMessage(ChatRole.Assistant, [new TextContent("Looking it up."), new FunctionCallContent("call_1", "kb_search", arguments)])
        {
            AuthorName = "analyst",
        };
        return new ChatResponse(message)
        {
            ResponseId = "resp-1",
            ConversationId = "conv-1",
            ModelId = "gpt-4o-mini-2024-07-18",
            CreatedAt = new DateTimeOffset(2026, 3, 1, 12, 30, 15, 123, TimeSpan.Zero),
            FinishReason = ChatFinishReason.ToolCalls,
            Usage = new UsageDetails
            {
                InputTokenCount = 120,
                OutputTokenCount = 30,
                TotalTokenCount = 150,
                CachedInputTokenCount = 64,
                AdditionalCounts = new() { ["audio"] = 3 },
            },
            AdditionalProperties = new()
            {
                [AIChatKeys.Provider] = "openai",
                ["system_fingerprint"] = "fp_1",
                ["raw"] = new object(),
                [AIChatKeys.LogProbs] = new List<TokenLogProb>
                {
                    new("Look", -0.25, [new TokenAlternative("Look", -0.25), new TokenAlternative("Search", -1.5)]),
                    new("ing", double.NegativeInfinity, []),
                },
            },
        };
    }
}
