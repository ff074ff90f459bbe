using System.Text.Json;
using Baton.AI.Models;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class OpenAIStructuredOutputTests : IAsyncLifetime
{
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_JsonFormat_AsksForJsonModeAndReturnsTheJson()
    {
        _server.Enqueue(ModelReply.WithText("""{"ok":true}"""));
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Answer in JSON"), new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        response.Text.Should().Be("""{"ok":true}""");
        _server.Requests.Single().Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_object");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaFormat_SendsNonStrictJsonSchemaNamedAfterTheSchema()
    {
        var schema = JsonDocument.Parse("""{"type":"object","required":["summary"],"properties":{"summary":{"type":"string"}}}""").RootElement;
        _server.Enqueue(ModelReply.WithText("""{"summary":"fine"}"""));
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var response = await client.GetResponseAsync(
            ProviderSetup.Ask("Summarize"), new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "campaign summary!", "The summary.") });

        response.Text.Should().Be("""{"summary":"fine"}""");
        var format = _server.Requests.Single().Body.GetProperty("response_format");
        format.GetProperty("type").GetString().Should().Be("json_schema");
        var jsonSchema = format.GetProperty("json_schema");
        jsonSchema.GetProperty("name").GetString().Should().Be("campaign_summary_");
        jsonSchema.GetProperty("description").GetString().Should().Be("The summary.");
        jsonSchema.GetProperty("strict").GetBoolean().Should().BeFalse();
        jsonSchema.GetProperty("schema").GetProperty("required")[0].GetString().Should().Be("summary");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaWithoutName_NamesItOutput()
    {
        var schema = JsonDocument.Parse("""{"type":"object"}""").RootElement;
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        await client.GetResponseAsync(ProviderSetup.Ask("Go"), new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema) });

        _server.Requests.Single().Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString().Should().Be("output");
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsRequested_AsksForThemAndMapsEveryToken()
    {
        _server.Enqueue(new ModelReply
        {
            Text = "billing",
            LogProbs =
            [
                new ModelReplyLogProb("bill", -0.05, [new ModelReplyLogProb("bill", -0.05), new ModelReplyLogProb("bug", -3.2)]),
                new ModelReplyLogProb("ing", -0.01),
            ],
        });
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));
        var options = new ChatOptions { AdditionalProperties = new() { [AIChatKeys.RequestLogProbs] = true, [AIChatKeys.TopLogProbs] = 3 } };

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Classify"), options);

        var body = _server.Requests.Single().Body;
        body.GetProperty("logprobs").GetBoolean().Should().BeTrue();
        body.GetProperty("top_logprobs").GetInt32().Should().Be(3);
        var tokens = response.AdditionalProperties![AIChatKeys.LogProbs].Should().BeAssignableTo<IReadOnlyList<TokenLogProb>>().Subject;
        tokens.Select(t => t.Token).Should().Equal("bill", "ing");
        tokens[0].LogProb.Should().BeApproximately(-0.05, 1e-6);
        tokens[0].TopAlternatives.Select(a => a.Token).Should().Equal("bill", "bug");
        tokens[0].TopAlternatives[1].LogProb.Should().BeApproximately(-3.2, 1e-6);
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsWithoutCount_AsksForTheTopFive()
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        await client.GetResponseAsync(ProviderSetup.Ask("Classify"), new ChatOptions { AdditionalProperties = new() { [AIChatKeys.RequestLogProbs] = true } });

        _server.Requests.Single().Body.GetProperty("top_logprobs").GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsNotRequested_NeitherAsksNorReturnsThem()
    {
        _server.Enqueue(new ModelReply { Text = "billing", LogProbs = [new ModelReplyLogProb("billing", -0.05)] });
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Classify"));

        _server.Requests.Single().Body.TryGetProperty("logprobs", out _).Should().BeFalse();
        response.AdditionalProperties.Should().NotContainKey(AIChatKeys.LogProbs);
    }
}
