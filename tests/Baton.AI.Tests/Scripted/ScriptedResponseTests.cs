using System.Text.Json;
using Baton.AI.Models;
using Microsoft.Extensions.AI;
using static Baton.AI.Tests.Scripted.Scripts;

namespace Baton.AI.Tests.Scripted;

public sealed class ScriptedResponseTests
{
    [Fact]
    public async Task GetResponseAsync_ToolCalls_HaveStableIdsAndJsonArguments()
    {
        var client = Client("""
            responses:
              - text: first turn
              - tool-calls:
                  - { name: kb_search, arguments: { query: reset password, limit: 3 } }
                  - { name: crm_lookup, arguments: { email: ada@example.com } }
                  - { name: ping }
            """);

        var response = await client.GetResponseAsync([User("help"), Assistant("first turn"), User("go on")]);

        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.CallId).Should().Equal("call_2_1", "call_2_2", "call_2_3");
        calls.Select(c => c.Name).Should().Equal("kb_search", "crm_lookup", "ping");
        calls[0].Arguments!["query"].Should().BeOfType<JsonElement>().Which.GetString().Should().Be("reset password");
        calls[0].Arguments!["limit"].Should().BeOfType<JsonElement>().Which.GetInt32().Should().Be(3);
        calls[2].Arguments.Should().BeEmpty();
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        response.Text.Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_Defaults_AreStopTheModelNameAndTheProvider()
    {
        var response = await Client("responses:\n  - text: billing\n").GetResponseAsync([User("hello there")]);

        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.ModelId.Should().Be("triage");
        response.ResponseId.Should().Be("scripted-1");
        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("scripted");
        response.Messages.Single().Role.Should().Be(ChatRole.Assistant);
    }

    [Fact]
    public async Task GetResponseAsync_ExplicitFinishReasonAndModel_AreUsed()
    {
        var response = await Client("""
            responses:
              - { text: "cut sho", finish-reason: length, model: gpt-4o-mini-2024-07-18 }
            """).GetResponseAsync([User("hi")]);

        response.FinishReason.Should().Be(ChatFinishReason.Length);
        response.ModelId.Should().Be("gpt-4o-mini-2024-07-18");
    }

    [Fact]
    public async Task GetResponseAsync_UsageGiven_IsReported()
    {
        var response = await Client("responses:\n  - { text: billing, usage: { input: 180, output: 1 } }\n").GetResponseAsync([User("hi")]);

        response.Usage!.InputTokenCount.Should().Be(180);
        response.Usage.OutputTokenCount.Should().Be(1);
        response.Usage.TotalTokenCount.Should().Be(181);
    }

    [Fact]
    public async Task GetResponseAsync_NoUsage_EstimatesFourCharactersPerToken()
    {
        var response = await Client("responses:\n  - text: twelve chars\n").GetResponseAsync([User("0123456789abcdef")]);

        // The conversation's text is the message plus a newline: 17 characters, so 5 tokens rounded up.
        response.Usage!.InputTokenCount.Should().Be(5);
        response.Usage.OutputTokenCount.Should().Be(3);
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsAsked_AreReturnedWithTheAskedAlternatives()
    {
        var client = Client("""
            responses:
              - text: billing
                logprobs:
                  - token: bill
                    logprob: -0.05
                    top: [{ token: bill, logprob: -0.05 }, { token: bug, logprob: -3.2 }, { token: acc, logprob: -4 }]
                  - { token: ing, logprob: -0.01 }
            """);
        var options = new ChatOptions { AdditionalProperties = new() { [AIChatKeys.RequestLogProbs] = true, [AIChatKeys.TopLogProbs] = 2 } };

        var response = await client.GetResponseAsync([User("refund")], options);

        var logProbs = response.AdditionalProperties![AIChatKeys.LogProbs].Should().BeAssignableTo<IReadOnlyList<TokenLogProb>>().Subject;
        logProbs.Select(p => p.Token).Should().Equal("bill", "ing");
        logProbs[0].LogProb.Should().Be(-0.05);
        logProbs[0].TopAlternatives.Should().Equal(new TokenAlternative("bill", -0.05), new TokenAlternative("bug", -3.2));
        logProbs[1].TopAlternatives.Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsNotAsked_AreLeftOutAsRealProvidersDo()
    {
        var response = await Client("responses:\n  - { text: billing, logprobs: [{ token: billing, logprob: -0.05 }] }\n").GetResponseAsync([User("refund")]);

        response.AdditionalProperties!.ContainsKey(AIChatKeys.LogProbs).Should().BeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_JsonResponseFormat_ReturnsTheTextAsWritten()
    {
        const string answer = """{"summary": "ok", "confidence": 0.9}""";
        var client = Client($"responses:\n  - text: '{answer}'\n");

        var response = await client.GetResponseAsync([User("report")], new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        response.Text.Should().Be(answer);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_GivesTheSameAnswerInUpdates()
    {
        var updates = await Client("responses:\n  - text: billing\n").GetStreamingResponseAsync([User("refund")]).ToListAsync();

        var response = updates.ToChatResponse();
        response.Text.Should().Be("billing");
        response.ResponseId.Should().Be("scripted-1");
    }

    [Fact]
    public async Task GetResponseAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var act = () => Client("responses:\n  - text: billing\n").GetResponseAsync([User("refund")], cancellationToken: cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
