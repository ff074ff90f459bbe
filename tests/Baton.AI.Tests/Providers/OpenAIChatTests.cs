using Baton.AI.Models;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class OpenAIChatTests : IAsyncLifetime
{
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetResponseAsync_TextReply_MapsTextUsageIdsFinishReasonAndProvider()
    {
        _server.Enqueue(new ModelReply { Text = "Hello there", InputTokens = 12, OutputTokens = 3, Id = "chatcmpl-abc", Model = "gpt-4o-mini-2024-07-18" });
        using var client = CreateClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        response.Text.Should().Be("Hello there");
        response.Messages.Single().Role.Should().Be(ChatRole.Assistant);
        response.ResponseId.Should().Be("chatcmpl-abc");
        response.ModelId.Should().Be("gpt-4o-mini-2024-07-18");
        response.FinishReason.Should().Be(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.Should().Be(12);
        response.Usage.OutputTokenCount.Should().Be(3);
        response.Usage.TotalTokenCount.Should().Be(15);
        response.AdditionalProperties![AIChatKeys.Provider].Should().Be("openai");
        response.AdditionalProperties.Should().NotContainKey(AIChatKeys.LogProbs);
    }

    [Fact]
    public async Task GetResponseAsync_MessagesAndOptions_SendsThemInOpenAIsWireFormat()
    {
        using var client = CreateClient();

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi"), new ChatMessage(ChatRole.Assistant, "Hello."), new ChatMessage(ChatRole.User, "Again")],
            new ChatOptions { Instructions = "You are a test.", Temperature = 0.25f, MaxOutputTokens = 50, StopSequences = ["END"] });

        var request = _server.Requests.Single();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/v1/chat/completions");
        request.HasAuthorization.Should().BeTrue();
        request.Model.Should().Be("gpt-4o-mini");
        var messages = request.Body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").ToString()))
            .ToList();
        messages.Select(m => m.Item1).Should().Equal("system", "system", "user", "assistant", "user");
        messages[0].Item2.Should().Contain("You are a test.");
        messages[1].Item2.Should().Contain("Be brief.");
        messages[4].Item2.Should().Contain("Again");
        request.Body.GetProperty("temperature").GetDouble().Should().BeApproximately(0.25, 1e-6);
        request.Body.GetProperty("max_completion_tokens").GetInt32().Should().Be(50);
        request.Body.GetProperty("stop")[0].GetString().Should().Be("END");
        request.Body.TryGetProperty("stream", out var stream).Should().BeFalse(stream.ToString());
    }

    [Fact]
    public async Task GetResponseAsync_NoCallOptions_UsesTheModelsDefaults()
    {
        using var client = CreateClient(Settings() with { Temperature = 0.7, MaxOutputTokens = 300 });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        var body = _server.Requests.Single().Body;
        body.GetProperty("temperature").GetDouble().Should().BeApproximately(0.7, 1e-6);
        body.GetProperty("max_completion_tokens").GetInt32().Should().Be(300);
    }

    [Fact]
    public async Task GetResponseAsync_CompatibleEndpoint_SendsTheOutputCapAsMaxTokensToo()
    {
        using var client = CreateClient(Settings() with { MaxOutputTokens = 300 });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { MaxOutputTokens = 42 });

        var body = _server.Requests.Single().Body;
        body.GetProperty("max_completion_tokens").GetInt32().Should().Be(42);
        body.GetProperty("max_tokens").GetInt32().Should().Be(42, "LM Studio, vLLM and Ollama read max_tokens, not max_completion_tokens");
    }

    [Fact]
    public async Task GetResponseAsync_OllamaPreset_SendsTheOutputCapAsMaxTokensToo()
    {
        var settings = new ModelSettings { Model = new ModelReference("ollama", "llama3.1"), BaseUrl = _server.BaseUrl, MaxOutputTokens = 64 };
        using var client = new Baton.AI.OpenAI.OllamaModelProvider().CreateClient(settings, new TestCredentials());

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        _server.Requests.Single().Body.GetProperty("max_tokens").GetInt32().Should().Be(64);
    }

    [Fact]
    public async Task GetResponseAsync_NoOutputCap_SendsNeitherField()
    {
        using var client = CreateClient();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        var body = _server.Requests.Single().Body;
        body.TryGetProperty("max_tokens", out _).Should().BeFalse();
        body.TryGetProperty("max_completion_tokens", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", true)]
    [InlineData("https://my-resource.openai.azure.com/openai/v1", true)]
    [InlineData("http://localhost:1234/v1", false)]
    [InlineData("http://gpu-box:8000/v1", false)]
    public void ReadsMaxCompletionTokensOnly_OpenAIsOwnEndpointsOnly(string url, bool expected)
        => Baton.AI.OpenAI.OpenAIEndpoint.ReadsMaxCompletionTokensOnly(new Uri(url)).Should().Be(expected);

    [Fact]
    public async Task GetResponseAsync_ModelIdOption_CallsThatModel()
    {
        using var client = CreateClient();

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { ModelId = "gpt-4.1" });

        _server.Requests.Single().Model.Should().Be("gpt-4.1");
    }

    [Fact]
    public async Task GetResponseAsync_LengthFinish_MapsToLength()
    {
        _server.Enqueue(new ModelReply { Text = "cut", FinishReason = "length" });
        using var client = CreateClient();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        response.FinishReason.Should().Be(ChatFinishReason.Length);
    }

    [Fact]
    public void GetStreamingResponseAsync_Called_SaysStreamingIsNotSupported()
    {
        using var client = CreateClient();

        var act = () => client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi")]);

        act.Should().Throw<NotSupportedException>().WithMessage("*does not stream*GetResponseAsync*");
    }

    [Fact]
    public void GetService_Metadata_NamesProviderEndpointAndModel()
    {
        using var client = CreateClient();

        var metadata = client.GetService<ChatClientMetadata>();

        metadata!.ProviderName.Should().Be("openai");
        metadata.DefaultModelId.Should().Be("gpt-4o-mini");
        metadata.ProviderUri!.AbsoluteUri.Should().StartWith(_server.BaseUrl.AbsoluteUri.TrimEnd('/'));
    }

    private ModelSettings Settings() => ProviderSetup.OpenAISettings(_server);

    private IChatClient CreateClient(ModelSettings? settings = null) => ProviderSetup.OpenAI(settings ?? Settings());
}
