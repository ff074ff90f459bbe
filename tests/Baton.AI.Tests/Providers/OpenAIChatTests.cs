using Baton.AI.Models;
using Baton.AI.OpenAI;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class OpenAIChatTests : IAsyncLifetime
{
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_TextReply_MapsTextUsageIdsAndProvider()
    {
        _server.Enqueue(new ModelReply { Text = "Hello there", InputTokens = 12, OutputTokens = 3, Id = "chatcmpl-abc", Model = "gpt-4o-mini-2024" });
        using var client = CreateClient();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 50 });

        response.Text.Should().Be("Hello there");
        response.ResponseId.Should().Be("chatcmpl-abc");
        response.ModelId.Should().Be("gpt-4o-mini-2024");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().Be(12);
        response.Usage.OutputTokenCount.Should().Be(3);
        response.Usage.TotalTokenCount.Should().Be(15);
        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("openai");
        var request = _server.Requests.Single();
        request.Path.Should().Be("/v1/chat/completions");
        request.HasAuthorization.Should().BeTrue();
        request.Model.Should().Be("gpt-4o-mini");
        request.Body.GetProperty("messages")[0].GetProperty("role").GetString().Should().Be("system");
        request.Body.GetProperty("messages")[1].GetProperty("content").ToString().Should().Contain("Hi");
        request.Body.GetProperty("temperature").GetDouble().Should().BeApproximately(0.2, 1e-6);
        request.Body.GetProperty("max_completion_tokens").GetInt32().Should().Be(50);
    }

    private IChatClient CreateClient(ModelSettings? settings = null)
        => new OpenAIModelProvider().CreateClient(
            settings ?? new ModelSettings { Model = new ModelReference("openai", "gpt-4o-mini"), BaseUrl = _server.BaseUrl },
            new TestCredentials(("OPENAI_API_KEY", "sk-test-secret-1234")));
}
