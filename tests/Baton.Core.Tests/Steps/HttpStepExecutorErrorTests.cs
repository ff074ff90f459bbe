using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.AspNetCore.Http;

namespace Baton.Core.Tests.Steps;

public sealed class HttpStepExecutorErrorTests : IDisposable
{
    private readonly HttpClient _client = HttpStepExecutor.CreateDefaultHttpClient();
    private readonly HttpStepExecutor _executor;

    public HttpStepExecutorErrorTests() => _executor = new HttpStepExecutor(_client);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task ExecuteAsync_NotFound_FailsNotRetryableWithStatusAndFirstKibOfBody()
    {
        var body = new string('x', 3000);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync(body);
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/missing") });

        outcome.Error!.Code.Should().Be("http.status.404");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().Contain($"GET {server.Url("/missing")} returned HTTP 404 (Not Found)").And.Contain("2xx");
        outcome.Error.Details!["status"]!.GetValue<int>().Should().Be(404);
        outcome.Error.Details["body"]!.GetValue<string>().Should().Be(body[..1024]);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(425, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(599, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(409, false)]
    public async Task ExecuteAsync_UnexpectedStatus_RetryableOnlyForTransientStatuses(int status, bool retryable)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/") });

        outcome.Error!.Code.Should().Be($"http.status.{status}");
        outcome.Error.Retryable.Should().Be(retryable);
        outcome.Error.Details!["body"]!.GetValue<string>().Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_ResponseStreamsPastLimit_FailsTooLargeAndStopsReading()
    {
        var aborted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            // No Content-Length: the executor can only learn the size by reading, and must stop at the limit.
            var chunk = new byte[64 * 1024];
            long written = 0;
            try
            {
                while (true)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                    written += chunk.Length;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                aborted.TrySetResult(written);
            }
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/huge"), ["max-response-bytes"] = 100_000 });

        outcome.Error!.Code.Should().Be("http.response-too-large");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().Contain("100000 bytes").And.Contain("max-response-bytes");
        // The server streams forever; it only stops when the client closes the connection.
        var written = await aborted.Task.Within("waiting for the client to abandon the endless response");
        written.Should().BeGreaterThan(100_000);
    }

    [Fact]
    public async Task ExecuteAsync_DeclaredLengthPastLimit_FailsTooLarge()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 50_000;
            await context.Response.Body.WriteAsync(new byte[50_000], context.RequestAborted);
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/"), ["max-response-bytes"] = 1000 });

        outcome.Error!.Code.Should().Be("http.response-too-large");
    }

    [Fact]
    public async Task ExecuteAsync_BodyNotEncodedAsItsContentEncodingSays_FailsAsAConnectionErrorThatSaysSo()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            return context.Response.WriteAsync("{\"a\": 1}");
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/") });

        outcome.Error!.Code.Should().Be("http.connection");
        outcome.Error.Message.Should().Contain("failed: the body cannot be decompressed as its Content-Encoding says");
    }

    [Fact]
    public async Task ExecuteAsync_BodyExactlyAtLimit_Completes()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(new string('a', 1000)));

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/"), ["max-response-bytes"] = 1000 });

        outcome.Output!["body"]!.GetValue<string>().Should().HaveLength(1000);
    }

    [Fact]
    public async Task ExecuteAsync_ConnectionRefused_FailsRetryableNamingMethodAndMaskedUrl()
    {
        var port = UnusedPort();
        var context = new TestStepContext(new JsonObject { ["method"] = "POST", ["url"] = $"http://127.0.0.1:{port}/items?token=s3cr3t-value" })
        {
            Secrets = ["s3cr3t-value"],
        };

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("connecting to a closed port");

        outcome.Error!.Code.Should().Be("http.connection");
        outcome.Error.Retryable.Should().BeTrue();
        outcome.Error.Message.Should().StartWith($"POST http://127.0.0.1:{port}/items?token=*** failed:");
        outcome.Error.Message.Should().NotContain("s3cr3t-value");
    }

    [Fact]
    public async Task ExecuteAsync_UnexpectedStatusWithSecrets_MasksMessageAndDetails()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("bad token s3cr3t-value in request");
        });
        var context = new TestStepContext(new JsonObject { ["url"] = server.Url("/hook?key=s3cr3t-value") }) { Secrets = ["s3cr3t-value"] };

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("calling the failing server");

        outcome.Error!.Message.Should().Contain("/hook?key=***").And.NotContain("s3cr3t-value");
        outcome.Error.Details!["body"]!.GetValue<string>().Should().Be("bad token *** in request");
    }

    [Fact]
    public async Task ExecuteAsync_UrlWithUserInfo_LeavesItOutOfMessages()
    {
        var port = UnusedPort();
        var context = new TestStepContext(new JsonObject { ["url"] = $"http://admin:pa55@127.0.0.1:{port}/" });

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None).Within("connecting to a closed port");

        outcome.Error!.Message.Should().NotContain("pa55").And.NotContain("admin");
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileServerIsSlow_ThrowsOperationCanceled()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            received.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                abandoned.TrySetResult();
            }
        });
        using var cancellation = new CancellationTokenSource();

        var execution = _executor.ExecuteAsync(new TestStepContext(new JsonObject { ["url"] = server.Url("/slow") }), cancellation.Token).AsTask();
        await received.Task.Within("waiting for the request to reach the server");
        await cancellation.CancelAsync();

        await FluentActions.Awaiting(() => execution.Within("waiting for the cancelled request to end"))
            .Should().ThrowAsync<OperationCanceledException>();
        await abandoned.Task.Within("waiting for the server to see the request abandoned");
    }

    private Task<StepOutcome> Execute(JsonObject config)
        => _executor.ExecuteAsync(new TestStepContext(config), CancellationToken.None).Within("executing the http step");

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
