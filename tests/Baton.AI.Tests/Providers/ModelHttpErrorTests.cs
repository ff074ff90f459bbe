using Baton.AI.Http;
using Baton.AI.Models;
using Baton.Testing;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

/// <summary>How the pipeline and the OpenAI adapter report failures: codes, retryability, and messages without secrets.</summary>
public sealed class ModelHttpErrorTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_400_ThrowsRejectedWithTheProvidersMessageAndDoesNotRetry()
    {
        _server.Enqueue(ModelReply.Error(400, "Invalid value for 'temperature': must be at most 2."));

        var error = await CallFails();

        error.Code.Should().Be(AIErrorCodes.Rejected);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("openai/gpt-4o-mini").And.Contain("HTTP 400").And.Contain("Invalid value for 'temperature': must be at most 2.");
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Send_LongErrorMessage_IsCutShort()
    {
        _server.Enqueue(ModelReply.Error(422, new string('x', 5000)));

        var error = await CallFails();

        error.Code.Should().Be(AIErrorCodes.Rejected);
        error.Message.Should().Contain(new string('x', ProviderErrorText.MaxLength) + "…").And.NotContain(new string('x', ProviderErrorText.MaxLength + 1));
    }

    [Fact]
    public async Task Send_401QuotingTheKey_NeverRepeatsTheKey()
    {
        _server.Enqueue(ModelReply.Error(401, $"Incorrect API key provided: {ProviderSetup.OpenAIKey}."));

        var error = await CallFails();

        error.Code.Should().Be(AIErrorCodes.Rejected);
        error.Message.Should().Contain("HTTP 401").And.Contain("Incorrect API key provided: ***").And.Contain("Check the API key");
        error.ToString().Should().NotContain(ProviderSetup.OpenAIKey);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task Send_ErrorStatusQuotingTheKey_NeverRepeatsTheKey(int status)
    {
        _server.DefaultReply = ModelReply.Error(status, $"Something about {ProviderSetup.OpenAIKey}.", retryAfter: "0");
        using var client = ProviderSetup.OpenAI(Settings() with { MaxRetries = 0 }, _clock);

        var error = (await client.Awaiting(c => c.GetResponseAsync(ProviderSetup.Ask("Hi"), null, default)).Should().ThrowAsync<ModelCallException>()).Which;

        error.ToString().Should().NotContain(ProviderSetup.OpenAIKey);
    }

    [Fact]
    public async Task Send_NonJsonBody_ThrowsMalformedResponse()
    {
        _server.Enqueue(ModelReply.Malformed("<html>gateway</html>"));

        var error = await CallFails();

        error.Code.Should().Be(AIErrorCodes.MalformedResponse);
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("openai/gpt-4o-mini").And.NotContain("<html>");
    }

    [Theory]
    [InlineData("""{"id":"chatcmpl-1","object":"chat.completion","model":"m","choices":[]}""", "no choices")]
    [InlineData("""{"id":"chatcmpl-1","object":"chat.completion","model":"m"}""", "no choices")]
    [InlineData("""[1,2,3]""", "not")]
    [InlineData("""{"id":"chatcmpl-1","choices":[{"index":0,"finish_reason":"stop"}]}""", "no message")]
    [InlineData("""{"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}""", "not")]
    public async Task Send_BodyThatIsNotACompletion_ThrowsMalformedResponse(string body, string says)
    {
        _server.Enqueue(ModelReply.Malformed(body));

        var error = await CallFails();

        error.Code.Should().Be(AIErrorCodes.MalformedResponse);
        error.Message.Should().Contain(says);
    }

    [Fact]
    public async Task Send_SlowerThanTheCallTimeout_ThrowsTimeoutAndDoesNotRetry()
    {
        _server.Enqueue(new ModelReply { Text = "late", Delay = TimeSpan.FromMinutes(5) });
        using var client = ProviderSetup.OpenAI(Settings() with { CallTimeout = TimeSpan.FromSeconds(20) }, _clock);

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _server.WaitForRequestsAsync(1).Within("waiting for the request");
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the call timeout to be armed");
        _clock.Advance(TimeSpan.FromSeconds(20));

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.CallTimeout);
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("openai/gpt-4o-mini").And.Contain("20 s").And.Contain("providers.openai.timeout");
        _server.Requests.Should().HaveCount(1);
        await Waits.Until(() => _server.InFlight == 0, "waiting for the server to see the abort");
        _server.Served.Should().Be(0);
    }

    [Fact]
    public async Task Send_CancelledByTheCaller_ThrowsOperationCanceledNotModelCallException()
    {
        _server.Enqueue(new ModelReply { Text = "late", Delay = TimeSpan.FromMinutes(5) });
        using var client = CreateClient();
        using var cancel = new CancellationTokenSource();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"), cancellationToken: cancel.Token);
        await _server.WaitForRequestsAsync(1).Within("waiting for the request");
        await cancel.CancelAsync();

        var thrown = await call.Awaiting(c => c).Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.Should().NotBeOfType<ModelCallException>();
    }

    private ModelSettings Settings() => ProviderSetup.OpenAISettings(_server) with { CallTimeout = Timeout.InfiniteTimeSpan };

    private IChatClient CreateClient() => ProviderSetup.OpenAI(Settings(), _clock);

    private async Task<ModelCallException> CallFails()
    {
        using var client = CreateClient();
        var act = () => client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        return (await act.Should().ThrowAsync<ModelCallException>()).Which;
    }
}
