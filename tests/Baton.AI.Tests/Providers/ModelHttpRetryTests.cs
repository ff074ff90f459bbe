using Baton.AI.Models;
using Baton.Testing;
using Baton.Testing.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Tests.Providers;

/// <summary>The pipeline's retries, through the OpenAI SDK against a loopback server, with a manual clock.</summary>
/// <remarks>The call timeout is off here, so that the only timer armed is the retry delay.</remarks>
public sealed class ModelHttpRetryTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_429WithRetryAfterSeconds_WaitsExactlyThatLongThenSucceeds()
    {
        _server.Enqueue(ModelReply.Error(429, "Rate limit reached.", retryAfter: "7"), ModelReply.WithText("done"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the retry delay to be armed");
        _clock.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromTicks(1));

        _clock.PendingTimers.Should().Be(1, "the retry must not happen before Retry-After has passed");
        _server.Requests.Should().HaveCount(1);
        _clock.Advance(TimeSpan.FromTicks(1));
        var response = await call.Within("retrying after Retry-After");
        response.Text.Should().Be("done");
        _server.Requests.Should().HaveCount(2);
        _server.Requests[1].BodyText.Should().Be(_server.Requests[0].BodyText, "a retry resends the same body");
    }

    [Fact]
    public async Task Send_503WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var at = _clock.GetUtcNow().AddSeconds(5);
        _server.Enqueue(ModelReply.Error(503, "Overloaded.", retryAfter: at.ToString("R")), ModelReply.WithText("done"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the retry delay to be armed");
        _clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));

        _clock.PendingTimers.Should().Be(1, "the retry must wait until the Retry-After date");
        _clock.Advance(TimeSpan.FromTicks(1));
        (await call.Within("retrying at the Retry-After date")).Text.Should().Be("done");
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Send_500ThenSuccess_BacksOffOnTheClockThenSucceeds()
    {
        _server.Enqueue(ModelReply.Error(500, "The server had an error."), ModelReply.WithText("done"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the backoff to be armed");

        _server.Requests.Should().HaveCount(1, "the retry waits for the clock");
        _clock.Advance(TimeSpan.FromSeconds(30));
        (await call.Within("retrying after the backoff")).Text.Should().Be("done");
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Send_RepeatedFailures_BackOffExponentiallyWithJitterWithinTheCap()
    {
        const int Retries = 8;
        var calls = new List<IReadOnlyList<TimeSpan>>();
        for (var c = 0; c < 3; c++)
        {
            _server.Enqueue([.. Enumerable.Repeat(ModelReply.Error(503, "Overloaded."), Retries), ModelReply.WithText("done")]);
            using var client = CreateClient(Settings() with { MaxRetries = Retries });
            var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
            var delays = new List<TimeSpan>();
            for (var retry = 1; retry <= Retries; retry++)
            {
                await Waits.Until(() => _clock.PendingTimers == 1, $"waiting for the backoff before retry {retry}");
                var delay = _clock.NextTimerDueIn!.Value;
                delays.Add(delay);
                _clock.Advance(delay);
            }

            (await call.Within("retrying until the server answers")).Text.Should().Be("done");
            calls.Add(delays);
        }

        _server.Requests.Should().HaveCount(3 * (Retries + 1));
        foreach (var delays in calls)
        {
            delays.Should().OnlyContain(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(30), "every backoff is within the 30 s cap");
            delays[0].Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(2), "about 1 s before the first retry");
            var firstThree = delays.Take(3).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var lastThree = delays.TakeLast(3).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            lastThree.Should().BeGreaterThan(firstThree * 4, $"the backoff grows exponentially: {string.Join(", ", delays)}");
        }

        calls.Select(d => string.Join(",", d)).Distinct().Should().HaveCount(3, "jitter makes every call's delays differ");
        calls.Select(d => d[0]).Distinct().Should().HaveCountGreaterThan(1, "even the first delay carries jitter");
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    [InlineData(529)]
    public async Task Send_RetryableStatusThenSuccess_Retries(int status)
    {
        _server.Enqueue(ModelReply.Error(status, "Try again."), ModelReply.WithText("done"));
        using var client = CreateClient();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the backoff to be armed");
        _clock.Advance(TimeSpan.FromSeconds(30));

        (await call.Within("retrying")).Text.Should().Be("done");
    }

    [Fact]
    public async Task Send_RetriesExhausted_ThrowsUnavailableNamingProviderModelAndStatus()
    {
        _server.Enqueue(ModelReply.Error(503, "Engine overloaded."), ModelReply.Error(503, "Engine overloaded."), ModelReply.Error(503, "Engine overloaded."));
        using var client = CreateClient(Settings() with { MaxRetries = 2 });

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _clock.DriveUntilDone(call, TimeSpan.FromSeconds(30), "retrying until retries are exhausted");

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Unavailable);
        error.IsTransient.Should().BeTrue();
        error.Message.Should().Contain("openai").And.Contain("openai/gpt-4o-mini").And.Contain("HTTP 503").And.Contain("3 attempts").And.Contain("Engine overloaded.");
        _server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanACallWaits_FailsUnavailableWithoutRetrying()
    {
        _server.Enqueue(ModelReply.Error(429, "Quota window.", retryAfter: "600"));
        using var client = CreateClient();

        var act = () => client.GetResponseAsync(ProviderSetup.Ask("Hi"));

        var error = (await act.Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Unavailable);
        error.Message.Should().Contain("600 s");
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task Send_ConnectionRefused_RetriesThenThrowsUnavailable()
    {
        var closed = await LoopbackOpenAIServer.StartAsync();
        var settings = ProviderSetup.OpenAISettings(closed) with { MaxRetries = 1, CallTimeout = Timeout.InfiniteTimeSpan };
        await closed.DisposeAsync();
        using var client = ProviderSetup.OpenAI(settings, _clock);

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"));
        await _clock.DriveUntilDone(call, TimeSpan.FromSeconds(30), "retrying a refused connection");

        var error = (await call.Awaiting(c => c).Should().ThrowAsync<ModelCallException>()).Which;
        error.Code.Should().Be(AIErrorCodes.Unavailable);
        error.Message.Should().Contain("could not be reached").And.Contain("2 attempts").And.NotContain(ProviderSetup.OpenAIKey);
    }

    [Fact]
    public async Task Send_CancelledDuringBackoff_ThrowsOperationCanceled()
    {
        _server.Enqueue(ModelReply.Error(500, "The server had an error."));
        using var client = CreateClient();
        using var cancel = new CancellationTokenSource();

        var call = client.GetResponseAsync(ProviderSetup.Ask("Hi"), cancellationToken: cancel.Token);
        await Waits.Until(() => _clock.PendingTimers == 1, "waiting for the backoff to be armed");
        await cancel.CancelAsync();

        await call.Awaiting(c => c).Should().ThrowAsync<OperationCanceledException>();
        _server.Requests.Should().HaveCount(1);
    }

    private ModelSettings Settings() => ProviderSetup.OpenAISettings(_server) with { CallTimeout = Timeout.InfiniteTimeSpan };

    private IChatClient CreateClient(ModelSettings? settings = null) => ProviderSetup.OpenAI(settings ?? Settings(), _clock);
}
