using Baton.AI.Models;
using Baton.Testing;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

public sealed class AnthropicErrorTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private LoopbackAnthropicServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackAnthropicServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsThenSucceeds()
    {
        _server.Enqueue(ModelReply.Error(429, "Number of request tokens has exceeded your per-minute rate limit.", retryAfter: "3"), ModelReply.WithText("done"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the retry delay to be armed");
        _clock.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromTicks(1));

        _clock.PendingTimers.Should().Be(1, "the retry must not happen before Retry-After has passed");
        _clock.Advance(TimeSpan.FromTicks(1));
        (await call.Within("retrying after Retry-After")).Text.Should().Be("done");
        _server.Requests.Should().HaveCount(2);
        _server.Requests[1].BodyText.Should().Be(_server.Requests[0].BodyText, "a retry resends the same body");
    }

    [Fact]
    public async Task Send_OverloadedUntilRetriesRunOut_ThrowsUnavailable()
    {
        _server.DefaultReply = ModelReply.Error(529, "Overloaded");
        using var client = CreateClient(Settings() with { MaxRetries = 1 });

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _clock.DriveUntilDone(call, TimeSpan.FromSeconds(30), "retrying until retries are exhausted");

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Unavailable);
        error.Message.Should().Contain("anthropic/claude-sonnet-4-5").And.Contain("HTTP 529").And.Contain("Overloaded").And.Contain("2 attempts");
    }

    [Fact]
    public async Task Send_500ThenSuccess_RetriesAndAnswers()
    {
        _server.Enqueue(ModelReply.Error(500, "Internal server error"), ModelReply.WithText("recovered"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _clock.DriveUntilDone(call, TimeSpan.FromSeconds(30), "retrying after the 500");

        (await call).Text.Should().Be("recovered");
        _server.Requests.Should().HaveCount(2, "a 500 is retried");
    }

    [Fact]
    public async Task Send_500UntilRetriesRunOut_ThrowsTheDocumentedUnavailableError()
    {
        _server.DefaultReply = ModelReply.Error(500, "Internal server error");
        using var client = CreateClient(Settings() with { MaxRetries = 2 });

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _clock.DriveUntilDone(call, TimeSpan.FromSeconds(30), "retrying until retries are exhausted");

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Unavailable);
        error.IsTransient.Should().BeTrue("llm.unavailable is retryable, so a step's retry policy can try again later");
        error.Message.Should().Contain("anthropic/claude-sonnet-4-5").And.Contain("HTTP 500").And.Contain("3 attempts");
        _server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Send_400_ThrowsRejectedWithTheProvidersMessage()
    {
        _server.Enqueue(ModelReply.Error(400, "messages: roles must alternate between \"user\" and \"assistant\""));
        using var client = CreateClient();

        var error = (await client.Awaiting(c => c.GetResponseAsync(ProviderSetup.Ask("Hi"), null, default)).Should().ThrowAsync<ModelCallException>()).Which;

        error.Code.Should().Be(AIErrorCodes.Rejected);
        error.IsTransient.Should().BeFalse();
        error.Message.Should().Contain("HTTP 400").And.Contain("roles must alternate");
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Send_401QuotingTheKey_NeverRepeatsTheKey()
    {
        _server.Enqueue(ModelReply.Error(401, $"invalid x-api-key {ProviderSetup.AnthropicKey}"));
        using var client = CreateClient();

        var error = (await client.Awaiting(c => c.GetResponseAsync(ProviderSetup.Ask("Hi"), null, default)).Should().ThrowAsync<ModelCallException>()).Which;

        error.Code.Should().Be(AIErrorCodes.Rejected);
        error.ToString().Should().NotContain(ProviderSetup.AnthropicKey);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"id":"msg_1","type":"message","role":"assistant","content":"oops","stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":1}}""")]
    public async Task Send_BodyThatIsNotAMessage_ThrowsMalformedResponse(string body)
    {
        _server.Enqueue(ModelReply.Malformed(body));
        using var client = CreateClient();

        var error = (await client.Awaiting(c => c.GetResponseAsync(ProviderSetup.Ask("Hi"), null, default)).Should().ThrowAsync<ModelCallException>()).Which;

        error.Code.Should().Be(AIErrorCodes.MalformedResponse);
        error.Message.Should().Contain("anthropic/claude-sonnet-4-5");
    }

    [Fact]
    public async Task Send_SlowerThanTheCallTimeout_ThrowsTimeout()
    {
        _server.Enqueue(new ModelReply { Text = "late", Delay = TimeSpan.FromMinutes(5) });
        using var client = CreateClient(Settings() with { CallTimeout = TimeSpan.FromSeconds(45) });

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _server.WaitForRequestsAsync(1).Within("waiting for the request");
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the call timeout to be armed");
        _clock.Advance(TimeSpan.FromSeconds(45));

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.CallTimeout);
        error.Message.Should().Contain("providers.anthropic.timeout");
    }

    [Fact]
    public async Task Send_CancelledByTheCaller_ThrowsOperationCanceled()
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

    private ModelSettings Settings() => ProviderSetup.AnthropicSettings(_server) with { CallTimeout = Timeout.InfiniteTimeSpan };

    private IChatClient CreateClient(ModelSettings? settings = null) => ProviderSetup.Anthropic(settings ?? Settings(), _clock);
}
