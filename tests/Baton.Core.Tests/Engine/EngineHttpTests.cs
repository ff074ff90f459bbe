using System.Collections.Concurrent;
using Baton.Core.Tests.Engine.Support;
using Baton.Core.Tests.Steps;
using Baton.Steps;
using Baton.Storage;
using Microsoft.AspNetCore.Http;

namespace Baton.Core.Tests.Engine;

/// <summary>The http step kind through the whole engine, against a real server on loopback.</summary>
public sealed class EngineHttpTests
{
    [Fact]
    public async Task HttpStep_RetriedAfter503_SendsTheSameIdempotencyKeyEachTime()
    {
        var keys = new ConcurrentQueue<string>();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            keys.Enqueue(context.Request.Headers["Idempotency-Key"].ToString());
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"T-42"}""");
        });
        await using var h = await EngineHarness.CreateAsync(null, steps: [new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient())]);

        var result = await h.RunAsync($$$"""
            name: ticket
            steps:
              - id: create
                http: { method: POST, url: "{{{server.Url("tickets")}}}", body: { title: "${{ 'disk full' }}" } }
                retry: { attempts: 3, backoff: fixed, delay: 10ms }
            outputs: ${{ steps.create.output.body.id }}
            """);

        result.Status.Should().Be(RunStatus.Completed);
        result.Output!.GetValue<string>().Should().Be("T-42");
        keys.Should().HaveCount(2);
        keys.Distinct().Should().ContainSingle().Which.Should().Be($"{result.RunId}:create");
        var step = await h.StepAsync(result.RunId, "create");
        step.Attempts.Should().Be(2);
        (await h.DetailsAsync(result.RunId)).Timeline.Should().Contain(e => e.Type == TimelineEventTypes.StepRetryScheduled && e.Message!.Contains("http.status.503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpStep_404_FailsWithoutRetryAndCarriesTheStatus()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        await using var h = await EngineHarness.CreateAsync(null, steps: [new HttpStepExecutor(HttpStepExecutor.CreateDefaultHttpClient())]);

        var result = await h.RunAsync($$$"""
            name: missing
            steps:
              - id: fetch
                http: { url: "{{{server.Url("nope")}}}" }
                retry: { attempts: 3, delay: 10ms }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("http.status.404");
        (await h.StepAsync(result.RunId, "fetch")).Attempts.Should().Be(1);
    }
}
