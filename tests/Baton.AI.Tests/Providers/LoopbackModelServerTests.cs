using System.Net;
using System.Text.Json;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Providers;

public sealed class LoopbackModelServerTests
{
    [Fact]
    public async Task Responder_AnswersFromTheRequest_AfterQueuedRepliesRunOut()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(ModelReply.WithText("queued"));
        server.Responder = request => ModelReply.WithText($"echo {request.Model}");
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(server));

        var first = await client.GetResponseAsync(ProviderSetup.Ask("one"));
        var second = await client.GetResponseAsync(ProviderSetup.Ask("two"));

        first.Text.Should().Be("queued");
        second.Text.Should().Be("echo gpt-4o-mini");
    }

    [Fact]
    public async Task Requests_RecordCredentialsOnlyAsPresent()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        using var client = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(server));

        await client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        var request = server.Requests.Single();
        request.HasAuthorization.Should().BeTrue();
        request.Headers.Should().NotContainKey("authorization");
        request.Headers.Values.Should().NotContain(v => v.Contains(ProviderSetup.OpenAIKey));
    }

    [Fact]
    public async Task UnknownPath_AnswersNotFoundInTheVendorsErrorShape()
    {
        await using var server = await LoopbackAnthropicServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "v1/complete"), new StringContent("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("type").GetString().Should().Be("error");
        body.GetProperty("error").GetProperty("message").GetString().Should().Contain("/v1/complete");
    }

    [Fact]
    public async Task OpenAIServer_AnswersOnChatCompletionsWithoutV1Too()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "/chat/completions"), new StringContent("""{"model":"m","messages":[]}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("object").GetString().Should().Be("chat.completion");
    }
}
