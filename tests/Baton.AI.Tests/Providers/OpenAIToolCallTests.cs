using System.Text.Json;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class OpenAIToolCallTests : IAsyncLifetime
{
    private static readonly JsonElement SearchSchema = JsonDocument.Parse(
        """{"type":"object","required":["query"],"properties":{"query":{"type":"string"}}}""").RootElement.Clone();

    private static readonly AITool Search = AIFunctionFactory.CreateDeclaration("kb_search", "Search the knowledge base.", SearchSchema);

    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_Tools_SendsFunctionToolsAndToolChoice()
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        await client.GetResponseAsync(ProviderSetup.Ask("Find it"), new ChatOptions { Tools = [Search], ToolMode = ChatToolMode.RequireSpecific("kb_search") });

        var body = _server.Requests.Single().Body;
        var tool = body.GetProperty("tools").EnumerateArray().Single();
        tool.GetProperty("type").GetString().Should().Be("function");
        tool.GetProperty("function").GetProperty("name").GetString().Should().Be("kb_search");
        tool.GetProperty("function").GetProperty("description").GetString().Should().Be("Search the knowledge base.");
        tool.GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString().Should().Be("query");
        body.GetProperty("tool_choice").GetProperty("function").GetProperty("name").GetString().Should().Be("kb_search");
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("none")]
    [InlineData("required")]
    public async Task GetResponseAsync_ToolMode_SendsMatchingToolChoice(string mode)
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));
        ChatToolMode toolMode = mode switch { "auto" => ChatToolMode.Auto, "none" => ChatToolMode.None, _ => ChatToolMode.RequireAny };

        await client.GetResponseAsync(ProviderSetup.Ask("Find it"), new ChatOptions { Tools = [Search], ToolMode = toolMode });

        _server.Requests.Single().Body.GetProperty("tool_choice").GetString().Should().Be(mode);
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallReply_MapsToFunctionCallContent()
    {
        _server.Enqueue(ModelReply.WithToolCalls(
            new ModelReplyToolCall("call_1", "kb_search", """{"query":"reset password","limit":3}"""),
            new ModelReplyToolCall("call_2", "kb_search", """{"query":"billing"}""")));
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Find it"), new ChatOptions { Tools = [Search] });

        response.FinishReason.Should().Be(ChatFinishReason.ToolCalls);
        var calls = response.Messages.Single().Contents.OfType<FunctionCallContent>().ToList();
        calls.Select(c => (c.CallId, c.Name)).Should().Equal(("call_1", "kb_search"), ("call_2", "kb_search"));
        var first = calls[0].Arguments!;
        ((JsonElement)first["query"]!).GetString().Should().Be("reset password");
        ((JsonElement)first["limit"]!).GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task GetResponseAsync_InvalidArgumentsJson_KeepsTheRawTextUnderRawKey()
    {
        _server.Enqueue(ModelReply.WithToolCalls(new ModelReplyToolCall("call_1", "kb_search", """{"query": "unterminated""")));
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var response = await client.GetResponseAsync(ProviderSetup.Ask("Find it"), new ChatOptions { Tools = [Search] });

        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        call.Arguments.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, object?>("_raw", """{"query": "unterminated"""));
    }

    [Fact]
    public async Task GetResponseAsync_FollowUpWithFunctionResult_SendsAssistantToolCallsAndToolMessage()
    {
        _server.Enqueue(ModelReply.WithToolCalls(new ModelReplyToolCall("call_1", "kb_search", """{"query":"reset"}""")), ModelReply.WithText("Use article KB-12."));
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));
        var history = ProviderSetup.Ask("How do I reset?");
        var options = new ChatOptions { Tools = [Search] };
        var first = await client.GetResponseAsync(history, options);
        history.AddMessages(first);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", JsonDocument.Parse("""{"articles":["KB-12"]}""").RootElement)]));

        var second = await client.GetResponseAsync(history, options);

        second.Text.Should().Be("Use article KB-12.");
        var messages = _server.Requests[1].Body.GetProperty("messages");
        messages.GetArrayLength().Should().Be(3);
        var assistant = messages[1];
        assistant.GetProperty("role").GetString().Should().Be("assistant");
        var toolCall = assistant.GetProperty("tool_calls").EnumerateArray().Single();
        toolCall.GetProperty("id").GetString().Should().Be("call_1");
        toolCall.GetProperty("function").GetProperty("name").GetString().Should().Be("kb_search");
        JsonDocument.Parse(toolCall.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("query").GetString().Should().Be("reset");
        var tool = messages[2];
        tool.GetProperty("role").GetString().Should().Be("tool");
        tool.GetProperty("tool_call_id").GetString().Should().Be("call_1");
        tool.GetProperty("content").ToString().Should().Contain("""{"articles":["KB-12"]}""");
    }

    [Fact]
    public async Task GetResponseAsync_ToolResultWithQuotes_SendsReadableJson()
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));
        var strict = JsonSerializer.SerializeToElement(new { title = "Don't \"reset\" twice", lang = "café" });
        strict.GetRawText().Should().Contain("\\u0022", "the default encoder escapes quotes, which is what a model must not be sent");
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Find it"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_1", "kb_search", new Dictionary<string, object?> { ["query"] = "it's" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", strict)]),
        ];

        await client.GetResponseAsync(history);

        var content = _server.Requests.Single().Body.GetProperty("messages")[2].GetProperty("content").GetString();
        content.Should().Be("""{"title":"Don't \"reset\" twice","lang":"café"}""", "the model reads the tool's result as this text");
    }

    [Fact]
    public async Task GetResponseAsync_NonFunctionTool_SaysOnlyFunctionToolsAreOffered()
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));

        var act = () => client.GetResponseAsync(ProviderSetup.Ask("Find it"), new ChatOptions { Tools = [new HostedWebSearchTool()] });

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("*function tools only*");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetResponseAsync_FunctionResultOutsideAToolMessage_SaysWhereResultsBelong()
    {
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server));
        var misplaced = new ChatMessage(ChatRole.User, [new FunctionResultContent("call_1", "42")]);

        var act = () => client.GetResponseAsync([misplaced]);

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("*tool message function results*user message carries a FunctionResultContent*");
        _server.Requests.Should().BeEmpty();
    }
}
