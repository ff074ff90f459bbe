using Baton.AI.Http;
using Baton.Testing.Models;

namespace Baton.AI.Tests.Providers;

public sealed class ModelHttpConcurrencyTests : IAsyncLifetime
{
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_SixCallsFromTwoClientsWithMaxConcurrencyTwo_ServerNeverSeesMoreThanTwo()
    {
        var settings = ProviderSetup.OpenAISettings(_server) with { MaxConcurrency = 2 };
        using var first = ProviderSetup.OpenAI(settings);
        using var second = ProviderSetup.OpenAI(settings);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Gate = release.Task;
        var limit = ModelConcurrencyLimit.For("openai", new Uri(_server.BaseUrl.AbsoluteUri.TrimEnd('/')), 2);

        var calls = Enumerable.Range(0, 6)
            .Select(i => (i % 2 == 0 ? first : second).GetResponseAsync(ProviderSetup.Ask($"call {i}")))
            .ToList();
        await Waits.Until(() => _server.InFlight == 2 && limit.Waiting == 4, "waiting for two calls in flight and four waiting for a slot");
        release.SetResult();
        await Task.WhenAll(calls).Within("finishing the calls");

        _server.MaxConcurrentRequests.Should().Be(2);
        _server.Requests.Should().HaveCount(6);
    }

    [Fact]
    public async Task Send_DifferentEndpoints_DoNotShareALimit()
    {
        await using var other = await LoopbackOpenAIServer.StartAsync();
        using var here = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(_server) with { MaxConcurrency = 1 });
        using var there = ProviderSetup.OpenAI(ProviderSetup.OpenAISettings(other) with { MaxConcurrency = 1 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Gate = release.Task;

        var held = here.GetResponseAsync(ProviderSetup.Ask("held"));
        await _server.WaitForRequestsAsync(1).Within("waiting for the first endpoint's call");
        var response = await there.GetResponseAsync(ProviderSetup.Ask("free")).Within("calling the second endpoint while the first is busy");
        release.SetResult();
        await held.Within("finishing the held call");

        response.Text.Should().Be("ok");
    }
}
