using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.AspNetCore.Http;

namespace Baton.Core.Tests.Steps;

public sealed class HttpStepExecutorTests : IDisposable
{
    private readonly HttpClient _client = HttpStepExecutor.CreateDefaultHttpClient();
    private readonly HttpStepExecutor _executor;

    public HttpStepExecutorTests() => _executor = new HttpStepExecutor(_client);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task ExecuteAsync_GetJsonResponse_ReturnsStatusHeadersAndParsedBody()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests, async context =>
        {
            context.Response.Headers["X-Request-Id"] = "r-1";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"healthy":true,"replicas":3}""");
        }));

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/services/api") });

        outcome.Error.Should().BeNull();
        requests.Single().Method.Should().Be("GET");
        requests.Single().Path.Should().Be("/services/api");
        outcome.Output!["status"]!.GetValue<int>().Should().Be(200);
        outcome.Output["headers"]!["x-request-id"]!.GetValue<string>().Should().Be("r-1");
        outcome.Output["headers"]!["content-type"]!.GetValue<string>().Should().Be("application/json");
        JsonNode.DeepEquals(outcome.Output["body"], JsonNode.Parse("""{"healthy":true,"replicas":3}""")).Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_RepeatedResponseHeader_JoinsValuesUnderLowerCaseName()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.Append("X-Multi", new Microsoft.Extensions.Primitives.StringValues(["a", "b"]));
            return Task.CompletedTask;
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/") });

        outcome.Output!["headers"]!["x-multi"]!.GetValue<string>().Should().Be("a, b");
    }

    [Fact]
    public async Task ExecuteAsync_ObjectBody_SendsCompactJsonAsApplicationJson()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject { ["method"] = "POST", ["url"] = server.Url("/tickets"), ["body"] = new JsonObject { ["title"] = "Disk full ü", ["priority"] = 2 } });

        var request = requests.Single();
        request.Method.Should().Be("POST");
        request.Header("Content-Type").Should().Be("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), new JsonObject { ["title"] = "Disk full ü", ["priority"] = 2 }).Should().BeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_ListBody_SendsJson()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject { ["method"] = "put", ["url"] = server.Url("/"), ["body"] = new JsonArray(1, 2) });

        requests.Single().Method.Should().Be("PUT");
        requests.Single().Header("Content-Type").Should().Be("application/json");
        requests.Single().Body.Should().Be("[1,2]");
    }

    [Fact]
    public async Task ExecuteAsync_StringBody_SendsTextPlainUtf8()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject { ["method"] = "POST", ["url"] = server.Url("/notes"), ["body"] = "héllo {not json}" });

        requests.Single().Header("Content-Type").Should().Be("text/plain; charset=utf-8");
        requests.Single().Body.Should().Be("héllo {not json}");
    }

    [Fact]
    public async Task ExecuteAsync_StringBodyWithContentTypeHeader_SendsGivenContentType()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject
        {
            ["method"] = "POST",
            ["url"] = server.Url("/"),
            ["headers"] = new JsonObject { ["content-type"] = "application/xml" },
            ["body"] = "<note/>",
        });

        requests.Single().Header("Content-Type").Should().Be("application/xml");
        requests.Single().Body.Should().Be("<note/>");
    }

    [Fact]
    public async Task ExecuteAsync_Headers_SentWithScalarsAsTextAndNullsLeftOut()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject
        {
            ["url"] = server.Url("/"),
            ["headers"] = new JsonObject { ["X-Trace"] = "t-42", ["Accept"] = "application/json", ["X-Count"] = 5, ["X-Flag"] = true, ["X-Optional"] = null },
        });

        var request = requests.Single();
        request.Header("X-Trace").Should().Be("t-42");
        request.Header("Accept").Should().Be("application/json");
        request.Header("X-Count").Should().Be("5");
        request.Header("X-Flag").Should().Be("true");
        request.Headers.Should().NotContainKey("X-Optional");
    }

    [Fact]
    public async Task ExecuteAsync_ContentHeaderWithoutBody_StillSent()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject { ["method"] = "DELETE", ["url"] = server.Url("/items/1"), ["headers"] = new JsonObject { ["Content-Type"] = "application/json" } });

        requests.Single().Method.Should().Be("DELETE");
        requests.Single().Header("Content-Type").Should().Be("application/json");
        requests.Single().Body.Should().BeEmpty();
    }

    [Fact]
    public async Task ExecuteAsync_Query_EncodedAndAppendedToExistingQuery()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject
        {
            ["url"] = server.Url("/search?existing=1"),
            ["query"] = new JsonObject { ["q"] = "a b&c=d/é+", ["page"] = 2, ["tag"] = new JsonArray("x", "y"), ["cursor"] = null },
        });

        var request = requests.Single();
        request.RawQuery.Should().Be("?existing=1&q=a%20b%26c%3Dd%2F%C3%A9%2B&page=2&tag=x&tag=y");
        request.Query["q"].ToString().Should().Be("a b&c=d/é+");
        request.Query["existing"].ToString().Should().Be("1");
        request.Query["tag"].ToArray().Should().Equal("x", "y");
        request.Query.ContainsKey("cursor").Should().BeFalse();
    }

    [Fact]
    public async Task ExecuteAsync_TwoAttempts_SendTheSameIdempotencyKey()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));
        var config = new JsonObject { ["method"] = "POST", ["url"] = server.Url("/charge") };
        var first = new TestStepContext(config.DeepClone()) { AttemptNumber = 1 };
        var second = new TestStepContext(config.DeepClone()) { AttemptNumber = 2 };

        await _executor.ExecuteAsync(first, CancellationToken.None).Within("sending attempt 1");
        await _executor.ExecuteAsync(second, CancellationToken.None).Within("sending attempt 2");

        requests.Select(r => r.Header("Idempotency-Key")).Should().Equal(first.IdempotencyKey, first.IdempotencyKey);
        first.IdempotencyKey.Should().Be("01jtestrun0000000000000000:group/call");
    }

    [Fact]
    public async Task ExecuteAsync_UserIdempotencyKeyHeader_ReplacesTheDefault()
    {
        var requests = new ConcurrentQueue<RecordedRequest>();
        await using var server = await LoopbackServer.StartAsync(RecordedRequest.Recorder(requests));

        await Execute(new JsonObject { ["url"] = server.Url("/"), ["headers"] = new JsonObject { ["idempotency-key"] = "order-7" } });

        requests.Single().Headers["Idempotency-Key"].Should().Equal("order-7");
    }

    [Theory]
    [InlineData("application/json", """{"a":[1,2]}""", """{"a":[1,2]}""")]
    [InlineData("application/problem+json; charset=utf-8", """{"title":"x"}""", """{"title":"x"}""")]
    [InlineData("application/json", "not json", "\"not json\"")]
    [InlineData("text/plain", """{"a":1}""", "\"{\\\"a\\\":1}\"")]
    [InlineData("text/plain", "plain text", "\"plain text\"")]
    [InlineData("application/json", "", "null")]
    [InlineData("text/plain", "", "null")]
    public async Task ExecuteAsync_ResponseBody_ParsedOnlyWhenJsonMediaTypeAndValid(string contentType, string payload, string expectedBody)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(payload);
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/") });

        outcome.Error.Should().BeNull();
        JsonNode.DeepEquals(outcome.Output!["body"], JsonNode.Parse(expectedBody)).Should().BeTrue(
            "the body {0} should be {1}", outcome.Output["body"]?.ToJsonString(), expectedBody);
    }

    [Fact]
    public async Task ExecuteAsync_HeadRequest_ReturnsNullBody()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 10;
            return Task.CompletedTask;
        });

        var outcome = await Execute(new JsonObject { ["method"] = "HEAD", ["url"] = server.Url("/") });

        outcome.Output!["status"]!.GetValue<int>().Should().Be(200);
        outcome.Output["body"].Should().BeNull();
    }

    [Theory]
    [InlineData(201, "[201]", true)]
    [InlineData(200, "[201, 202]", false)]
    [InlineData(204, "204", true)]
    [InlineData(404, "\"4xx\"", true)]
    [InlineData(409, "[200, \"4XX\"]", true)]
    [InlineData(500, "[\"2xx\", \"4xx\"]", false)]
    [InlineData(302, "\"3xx\"", true)]
    public async Task ExecuteAsync_Expect_AcceptsListedCodesAndClasses(int status, string expect, bool accepted)
    {
        // The 302 carries no Location header, so the client does not follow it.
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

        var outcome = await Execute(new JsonObject { ["url"] = server.Url("/"), ["expect"] = JsonNode.Parse(expect) });

        if (accepted)
        {
            outcome.Error.Should().BeNull();
            outcome.Output!["status"]!.GetValue<int>().Should().Be(status);
        }
        else
        {
            outcome.Error!.Code.Should().Be($"http.status.{status}");
        }
    }

    private Task<StepOutcome> Execute(JsonObject config)
        => _executor.ExecuteAsync(new TestStepContext(config), CancellationToken.None).Within("executing the http step");
}
