using System.Diagnostics;
using System.Text.Json.Nodes;
using Baton.AI.Tools;

namespace Baton.AI.Tests.Tools;

/// <summary>MCP tools against the real test MCP server, started as a process over stdio.</summary>
public sealed class McpToolTests
{
    private readonly ToolTestContext _context = new();

    [Fact]
    public async Task CreateAsync_AllowList_OffersOnlyTheListedToolsInListOrder()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["fetch_doc", "search_docs"])));

        toolbox.Tools.Select(t => t.Name).Should().Equal("fetch_doc", "search_docs");
        toolbox.TryGet("delete_everything", out _).Should().BeFalse();
        toolbox.TryGet("add", out _).Should().BeFalse();
    }

    [Fact]
    public async Task CreateAsync_ServerTool_DescriptionAndSchemaPassedThrough()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["search_docs"])));

        var tool = toolbox.Get("search_docs");

        tool.Description.Should().Be("Searches the knowledge base; returns the id and title of each matching document.");
        var schema = JsonNode.Parse(tool.ParametersSchema.GetRawText())!;
        schema["type"]!.GetValue<string>().Should().Be("object");
        schema["properties"]!["query"]!["type"]!.GetValue<string>().Should().Be("string");
        schema["properties"]!["query"]!["description"]!.GetValue<string>().Should().Be("Words to look for in titles and texts.");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("query");
    }

    [Fact]
    public async Task InvokeAsync_SearchAndFetch_ReturnServerResults()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["search_docs", "fetch_doc"])));

        var search = await toolbox.Get("search_docs").CallAsync("""{ "query": "password" }""", _context);
        var fetch = await toolbox.Get("fetch_doc").CallAsync("""{ "id": "kb-2" }""", _context, 2);

        search.IsError.Should().BeFalse(search.Message);
        var hits = JsonNode.Parse(search.Content!.GetValue<string>())!.AsArray();
        hits.Select(h => h!["id"]!.GetValue<string>()).Should().Equal("kb-1", "kb-3");
        hits[0]!["title"]!.GetValue<string>().Should().Be("Resetting a password");
        fetch.IsError.Should().BeFalse(fetch.Message);
        fetch.Content!.GetValue<string>().Should().Be("Orders up to 50 EUR are refunded without review.");
    }

    [Fact]
    public async Task InvokeAsync_StructuredResult_ContentIsTheStructuredObject()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["doc_stats"])));

        var result = await toolbox.Get("doc_stats").CallAsync("{}", _context);

        result.IsError.Should().BeFalse(result.Message);
        result.Content.Should().BeOfType<JsonObject>();
        result.Content!["count"]!.GetValue<int>().Should().Be(3);
        result.Content["ids"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("kb-1", "kb-2", "kb-3");
    }

    [Fact]
    public async Task InvokeAsync_IntegerArguments_SentAsNumbers()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["add"])));

        var result = await toolbox.Get("add").CallAsync("""{ "a": 2, "b": 40 }""", _context);

        result.IsError.Should().BeFalse(result.Message);
        result.Content!.GetValue<string>().Should().Be("42");
    }

    [Fact]
    public async Task InvokeAsync_McpErrorResult_IsErrorWithServerText()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["fail_always", "fetch_doc"])));

        var failed = await toolbox.Get("fail_always").CallAsync("{}", _context);
        var missing = await toolbox.Get("fetch_doc").CallAsync("""{ "id": "kb-9" }""", _context, 2);

        failed.IsError.Should().BeTrue();
        failed.ErrorCode.Should().Be("tool.failed");
        failed.Message.Should().Contain("The knowledge base is offline.");
        missing.IsError.Should().BeTrue();
        missing.ErrorCode.Should().Be("tool.failed");
        missing.Message.Should().Contain("There is no document 'kb-9'.");
    }

    [Fact]
    public async Task InvokeAsync_ArgumentsNotMatchingServerSchema_InvalidArgumentsWithoutCall()
    {
        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["add"])));

        var result = await toolbox.Get("add").CallAsync("""{ "a": "two" }""", _context);

        result.IsError.Should().BeTrue();
        result.ErrorCode.Should().Be("tool.invalid-arguments");
        result.Message.Should().Contain("a must be an integer, not a string").And.Contain("b is required");
    }

    [Fact]
    public async Task CreateAsync_AllowListedNameServerLacks_ErrorNamesItAndTheServerTools()
    {
        var act = () => Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["search_docs", "search_everything"])));

        var error = (await act.Should().ThrowAsync<ToolConfigurationException>()).Which;
        error.Message.Should().Contain("agent.tools[0]").And.Contain("mcp.tools[1] 'search_everything' is not a tool of this server")
            .And.Contain("add, delete_everything, doc_stats, fail_always, fetch_doc, read_env, search_docs, server_pid, working_dir");
    }

    [Fact]
    public async Task CreateAsync_ToolNotAllowListed_NeverCalledEvenWhenOthersAre()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"baton-mcp-delete-{Guid.NewGuid():N}");
        var entry = TestMcpServer.Entry(["search_docs"], new JsonObject { ["TEST_MCP_DELETE_MARKER"] = marker });
        await using (var toolbox = await Toolboxes.CreateAsync(new JsonArray(entry)))
        {
            toolbox.TryGet("delete_everything", out _).Should().BeFalse();
            toolbox.Tools.Should().NotContain(t => t.Name == "delete_everything");
            (await toolbox.Get("search_docs").CallAsync("""{ "query": "refund" }""", _context)).IsError.Should().BeFalse();
        }

        File.Exists(marker).Should().BeFalse("delete_everything must never run");
    }

    [Fact]
    public async Task DisposeAsync_StopsTheServerProcess()
    {
        var toolbox = await Toolboxes.CreateAsync(new JsonArray(TestMcpServer.Entry(["server_pid"])));
        var pidResult = await toolbox.Get("server_pid").CallAsync("{}", _context);
        var pid = int.Parse(pidResult.Content!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        IsRunning(pid).Should().BeTrue("the server runs while the toolbox is open");

        await toolbox.DisposeAsync().AsTask().Within("disposing the toolbox");

        await TaskTimeouts.WaitUntil(() => !IsRunning(pid), $"waiting for the MCP server process {pid} to end");
        var afterDispose = await toolbox.Get("server_pid").CallAsync("{}", _context, 2);
        afterDispose.IsError.Should().BeTrue();
        afterDispose.ErrorCode.Should().Be("tool.failed");
    }

    [Fact]
    public async Task CreateAsync_Environment_SecretsRemovedAndEntryEnvSet()
    {
        var secretName = $"BATON_SECRET_MCPTEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(secretName, "hidden-value");
        try
        {
            var entry = TestMcpServer.Entry(["read_env"], new JsonObject { ["KB_REGION"] = "eu-west" });
            await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(entry));
            var tool = toolbox.Get("read_env");

            var secret = await tool.CallAsync($$"""{ "name": "{{secretName}}" }""", _context);
            var region = await tool.CallAsync("""{ "name": "KB_REGION" }""", _context, 2);

            secret.Content!.GetValue<string>().Should().Be("(unset)");
            region.Content!.GetValue<string>().Should().Be("eu-west");
        }
        finally
        {
            Environment.SetEnvironmentVariable(secretName, null);
        }
    }

    [Fact]
    public async Task CreateAsync_WorkingDir_ResolvedAgainstTheWorkflowDirectory()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "kb"));
        var entry = TestMcpServer.Entry(["working_dir"]);
        entry["mcp"]!["working-dir"] = "kb";

        await using var toolbox = await Toolboxes.CreateAsync(new JsonArray(entry), Toolboxes.Environment(dir.Path));
        var result = await toolbox.Get("working_dir").CallAsync("{}", _context);

        result.Content!.GetValue<string>().Should().Be(Path.Combine(dir.Path, "kb"));
    }

    [Fact]
    public async Task CreateAsync_ServerExitsAtStart_ToolServerExceptionWithItsStderr()
    {
        var entry = JsonNode.Parse("""{ "mcp": { "command": "sh", "args": ["-c", "echo 'KB_TOKEN is not set' >&2; exit 1"], "tools": ["search_docs"] } }""")!;

        var act = () => Toolboxes.CreateAsync(new JsonArray(entry));

        var error = (await act.Should().ThrowAsync<ToolServerException>()).Which;
        error.Message.Should().StartWith("agent.tools[0] (MCP server 'sh'): the MCP server could not be started").And.Contain("KB_TOKEN is not set");
        error.IsTransient.Should().BeTrue();
    }

    [Fact]
    public async Task CreateAsync_CommandNotOnPath_ConfigurationError()
    {
        var entry = new JsonObject { ["mcp"] = new JsonObject { ["command"] = $"no-such-server-{Guid.NewGuid():N}", ["tools"] = new JsonArray("x") } };

        var act = () => Toolboxes.CreateAsync(new JsonArray(entry));

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should().Contain("was not found on PATH");
    }

    [Fact]
    public async Task CreateAsync_LaterEntryFails_StopsTheServerAlreadyStarted()
    {
        using var dir = new TempDirectory();
        var pidFile = Path.Combine(dir.Path, "first.pid");
        var tools = new JsonArray(
            TestMcpServer.Entry(["search_docs"], new JsonObject { ["TEST_MCP_PID_FILE"] = pidFile }),
            TestMcpServer.Entry(["no_such_tool"]));

        var act = () => Toolboxes.CreateAsync(tools);

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should().Contain("agent.tools[1]");
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        await TaskTimeouts.WaitUntil(() => !IsRunning(pid), $"waiting for the first MCP server (process {pid}) to stop");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
