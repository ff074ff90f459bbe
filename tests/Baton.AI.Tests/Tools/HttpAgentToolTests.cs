using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Baton.AI.Tests.Tools;

/// <summary>http tools against a real Kestrel server on loopback.</summary>
public sealed class HttpAgentToolTests : IAsyncLifetime
{
    private readonly ToolTestContext _context = new() { Secrets = ["s3cr3t-token"] };
    private readonly List<Received> _requests = [];
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(async http =>
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        lock (_requests)
        {
            _requests.Add(new Received(
                http.Request.Method,
                http.Request.Path + http.Request.QueryString,
                http.Request.Headers["Idempotency-Key"].ToString(),
                http.Request.ContentType,
                body));
        }

        if (http.Request.Path == "/missing")
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            await http.Response.WriteAsync("no such article");
            return;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync("""{ "hits": [{ "id": "kb-1" }], "token": "s3cr3t-token" }""");
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_Get_ArgumentsInQueryAfterConfiguredQueryWhichWins_ObjectsAsJsonNullsLeftOut()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("GET", "search", """{ "limit": 5, "tenant": "acme" }"""));

        var result = await toolbox.Get("kb_search").CallAsync(
            """{ "query": "reset password", "tags": ["a b", "c"], "tenant": "evil", "filter": { "lang": "en" }, "page": null }""", _context);

        result.IsError.Should().BeFalse(result.Message);
        var request = _requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("GET");
        request.PathAndQuery.Should().Be("/search?limit=5&tenant=acme&query=reset%20password&tags=a%20b&tags=c&filter=%7B%22lang%22%3A%22en%22%7D");
        request.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task InvokeAsync_Delete_ArgumentsInQuery()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("DELETE", "articles"));

        await toolbox.Get("kb_search").CallAsync("""{ "id": 42, "force": true }""", _context);

        _requests.Should().ContainSingle().Which.PathAndQuery.Should().Be("/articles?id=42&force=true");
    }

    [Fact]
    public async Task InvokeAsync_Post_ArgumentsAsJsonBody()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("POST", "search"));

        await toolbox.Get("kb_search").CallAsync("""{ "query": "refund", "filters": { "lang": "en" } }""", _context);

        var request = _requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/search");
        request.ContentType.Should().StartWith("application/json");
        JsonNode.DeepEquals(JsonNode.Parse(request.Body), JsonNode.Parse("""{ "query": "refund", "filters": { "lang": "en" } }""")).Should().BeTrue(request.Body);
    }

    [Fact]
    public async Task InvokeAsync_Success_ContentIsTheHttpStepOutputWithSecretsMasked()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("GET", "search"));

        var result = await toolbox.Get("kb_search").CallAsync("""{ "query": "x" }""", _context);

        result.IsError.Should().BeFalse(result.Message);
        result.Content!["status"]!.GetValue<int>().Should().Be(200);
        result.Content["headers"]!["content-type"]!.GetValue<string>().Should().Be("application/json");
        result.Content["body"]!["hits"]![0]!["id"]!.GetValue<string>().Should().Be("kb-1");
        result.Content["body"]!["token"]!.GetValue<string>().Should().Be("***");
    }

    [Fact]
    public async Task InvokeAsync_IdempotencyKey_IsTheRunAndTheToolCallPath()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("GET", "search"));

        await toolbox.Get("kb_search").CallAsync("""{ "query": "x" }""", _context, 3);

        _requests.Should().ContainSingle().Which.IdempotencyKey.Should().Be($"{_context.RunId}:draft/tool-3-kb_search");
    }

    [Fact]
    public async Task InvokeAsync_UnexpectedStatus_IsErrorWithTheHttpStepCode()
    {
        await using var toolbox = await Toolboxes.CreateAsync(Tool("GET", "missing"));

        var result = await toolbox.Get("kb_search").CallAsync("""{ "query": "x" }""", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("http.status.404");
        result.Message.Should().Contain("returned HTTP 404");
        result.Content!["status"]!.GetValue<int>().Should().Be(404);
        result.Content["body"]!.GetValue<string>().Should().Be("no such article");
    }

    [Fact]
    public async Task InvokeAsync_InvalidArguments_RefusedWithFieldPathsAndNothingSent()
    {
        var tools = Tool("POST", "search");
        tools[0]!["parameters"] = JsonNode.Parse("""
            { "type": "object", "required": ["query"], "additionalProperties": false,
              "properties": { "query": { "type": "string" }, "page": { "type": "object", "properties": { "size": { "type": "integer", "maximum": 50 } } } } }
            """);
        await using var toolbox = await Toolboxes.CreateAsync(tools);

        var result = await toolbox.Get("kb_search").CallAsync("""{ "page": { "size": 80 }, "sort": "date" }""", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("tool.invalid-arguments");
        result.Message.Should().Contain("query is required").And.Contain("page.size must be at most 50").And.Contain("sort is not an allowed property");
        _requests.Should().BeEmpty();
    }

    private JsonArray Tool(string method, string path, string? query = null)
    {
        var http = new JsonObject { ["method"] = method, ["url"] = _server.Url(path) };
        if (query is not null)
        {
            http["query"] = JsonNode.Parse(query);
        }

        return new JsonArray(new JsonObject { ["name"] = "kb_search", ["description"] = "Search the knowledge base.", ["http"] = http });
    }

    private sealed record Received(string Method, string PathAndQuery, string IdempotencyKey, string? ContentType, string Body);
}
