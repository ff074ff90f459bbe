using System.Text.Json;
using Baton.AI.Models;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class AnthropicChatTests : IAsyncLifetime
{
    private static readonly AITool Search = AIFunctionFactory.CreateDeclaration(
        "kb_search",
        "Search the knowledge base.",
        JsonDocument.Parse("""{"type":"object","required":["query"],"properties":{"query":{"type":"string"}}}""").RootElement.Clone());

    private LoopbackAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackAnthropicServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_TextReply_MapsTextUsageIdsFinishReasonAndProvider()
    {
        _server.Enqueue(new ModelReply { Text = "Hello there", InputTokens = 12, OutputTokens = 3, Id = "msg_abc", Model = "claude-sonnet-4-5-20250929" });
        using var client = CreateClient();

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        response.Text.Should().Be("Hello there");
        response.ResponseId.Should().Be("msg_abc");
        response.ModelId.Should().Be("claude-sonnet-4-5-20250929");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().Be(12);
        response.Usage.OutputTokenCount.Should().Be(3);
        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("anthropic");
    }

    [Fact]
    public async Task GetResponseAsync_SystemAndTemperature_SendsThemInAnthropicsWireFormat()
    {
        using var client = CreateClient();

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 300 });

        var request = _server.Requests.Single();
        request.Path.Should().Be("/v1/messages");
        request.HasAuthorization.Should().BeTrue("the SDK sends the API key as a bearer token");
        request.Headers.Should().ContainKey("anthropic-version");
        request.Model.Should().Be("claude-sonnet-4-5");
        SystemText(request.Body).Should().Be("Be brief.");
        request.Body.GetProperty("messages").GetArrayLength().Should().Be(1);
        request.Body.GetProperty("temperature").GetDouble().Should().Be(0.2);
        request.Body.GetProperty("max_tokens").GetInt32().Should().Be(300);
    }

    [Fact]
    public async Task GetResponseAsync_NoMaxTokensAnywhere_Sends1024()
    {
        using var client = CreateClient();

        await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        var body = _server.Requests.Single().Body;
        body.GetProperty("max_tokens").GetInt32().Should().Be(1024);
        body.TryGetProperty("temperature", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_ModelDefaults_SendsTheSettingsTemperatureAndMaxTokens()
    {
        using var client = CreateClient(ProviderSetup.AnthropicSettings(_server) with { Temperature = 0.5, MaxOutputTokens = 2048 });

        await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        var body = _server.Requests.Single().Body;
        body.GetProperty("temperature").GetDouble().Should().Be(0.5);
        body.GetProperty("max_tokens").GetInt32().Should().Be(2048);
        body.GetProperty("model").GetString().Should().Be("claude-sonnet-4-5");
    }

    [Fact]
    public async Task GetResponseAsync_ToolUseReply_SendsToolsAndMapsToFunctionCallContent()
    {
        _server.Enqueue(new ModelReply { Text = "Let me look.", ToolCalls = [new ModelReplyToolCall("toolu_1", "kb_search", """{"query":"reset"}""")] });
        using var client = CreateClient();

        var response = await client.GetResponseAsync(ProviderSetup.Ask("How do I reset?"), new ChatOptions { Tools = [Search] });

        var tool = _server.Requests.Single().Body.GetProperty("tools").EnumerateArray().Single();
        tool.GetProperty("name").GetString().Should().Be("kb_search");
        tool.GetProperty("description").GetString().Should().Be("Search the knowledge base.");
        tool.GetProperty("input_schema").GetProperty("required")[0].GetString().Should().Be("query");
        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        response.Text.Should().Be("Let me look.");
        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        call.CallId.Should().Be("toolu_1");
        call.Name.Should().Be("kb_search");
        ((JsonElement)call.Arguments!["query"]!).GetString().Should().Be("reset");
    }

    [Fact]
    public async Task GetResponseAsync_FollowUpWithFunctionResult_SendsToolUseAndToolResultBlocks()
    {
        _server.Enqueue(ModelReply.WithToolCalls(new ModelReplyToolCall("toolu_1", "kb_search", """{"query":"reset"}""")), ModelReply.WithText("Use KB-12."));
        using var client = CreateClient();
        var history = ProviderSetup.Ask("How do I reset?");
        var options = new ChatOptions { Tools = [Search] };
        history.AddMessages(await client.GetResponseAsync(history, options));
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("toolu_1", "KB-12: reset from the login page")]));

        var second = await client.GetResponseAsync(history, options);

        second.Text.Should().Be("Use KB-12.");
        var messages = _server.Requests[1].Body.GetProperty("messages");
        messages.GetArrayLength().Should().Be(3);
        var toolUse = messages[1].GetProperty("content").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "tool_use");
        toolUse.GetProperty("id").GetString().Should().Be("toolu_1");
        toolUse.GetProperty("input").GetProperty("query").GetString().Should().Be("reset");
        messages[2].GetProperty("role").GetString().Should().Be("user");
        var result = messages[2].GetProperty("content").EnumerateArray().Single();
        result.GetProperty("type").GetString().Should().Be("tool_result");
        result.GetProperty("tool_use_id").GetString().Should().Be("toolu_1");
        result.GetProperty("content").ToString().Should().Contain("KB-12: reset from the login page");
    }

    [Fact]
    public async Task GetResponseAsync_JsonSchemaFormat_AsksForJsonInTheSystemPromptOnly()
    {
        var schema = JsonDocument.Parse("""{"type":"object","required":["summary"],"properties":{"summary":{"type":"string"}}}""").RootElement;
        _server.Enqueue(ModelReply.WithText("""{"summary":"fine"}"""));
        using var client = CreateClient();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You are an analyst."), new ChatMessage(ChatRole.User, "Summarize")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "summary") });

        response.Text.Should().Be("""{"summary":"fine"}""");
        var body = _server.Requests.Single().Body;
        SystemText(body).Should().Contain("You are an analyst.").And.Contain("JSON Schema").And.Contain("\"required\":[\"summary\"]");
        body.TryGetProperty("output_config", out _).Should().BeFalse();
        body.TryGetProperty("output_format", out _).Should().BeFalse();
    }

    [Fact]
    public async Task GetResponseAsync_JsonFormatWithoutSchema_AsksForJson()
    {
        using var client = CreateClient();

        await client.GetResponseAsync(ProviderSetup.Ask("Go"), new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        SystemText(_server.Requests.Single().Body).Should().Contain("single valid JSON value");
    }

    [Fact]
    public async Task GetResponseAsync_LogProbsRequested_LeavesBatonKeysOutAndReturnsNone()
    {
        using var client = CreateClient();

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Classify"), new ChatOptions { AdditionalProperties = new() { [AIChatKeys.RequestLogProbs] = true } });

        _server.Requests.Single().BodyText.Should().NotContain("baton.").And.NotContain("logprobs");
        response.AdditionalProperties.Should().NotContainKey(AIChatKeys.LogProbs);
    }

    private static string SystemText(JsonElement body)
        => string.Join("\n", body.GetProperty("system").EnumerateArray().Select(b => b.GetProperty("text").GetString()));

    private IChatClient CreateClient(ModelSettings? settings = null) => ProviderSetup.Anthropic(settings ?? ProviderSetup.AnthropicSettings(_server));
}
