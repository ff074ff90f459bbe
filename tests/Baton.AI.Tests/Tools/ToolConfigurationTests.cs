using Baton.AI.Tools;

namespace Baton.AI.Tests.Tools;

/// <summary>Invalid <c>agent.tools</c> lists: each error names the entry, the tool and the field. No process is started for any of them.</summary>
public sealed class ToolConfigurationTests
{
    private const string Http = """ "http": { "url": "http://127.0.0.1:9/search" } """;

    [Theory]
    [InlineData("""["kb_search"]""", "agent.tools[0] must be a mapping with one of the keys http, run, workflow, mcp, not a string.")]
    [InlineData("""[{ "name": "kb_search", "description": "d" }]""", "agent.tools[0] must have one of the keys http, run, workflow, mcp")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "http": {}, "run": {} }]""", "agent.tools[0] must have only one of the keys http, run, workflow, mcp, not http and run.")]
    [InlineData("""[{ "description": "d", """ + Http + "}]", "agent.tools[0].name is required for an http tool and must be a string, not null.")]
    [InlineData("""[{ "name": "kb search", "description": "d", """ + Http + "}]", "agent.tools[0].name 'kb search' is not a valid tool name: 1 to 64 letters, digits, '_' or '-'.")]
    [InlineData("""[{ "name": "kb_search\n", "description": "d", """ + Http + "}]", "is not a valid tool name")]
    [InlineData("""[{ "name": "kb_search", """ + Http + "}]", "agent.tools[0] ('kb_search'): description is required for an http tool")]
    [InlineData("""[{ "name": "kb_search", "description": "  ", """ + Http + "}]", "must be a non-empty string, not a blank string.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "timeout": "5s", """ + Http + "}]", "agent.tools[0].timeout is not a known key of an http tool; use: name, description, parameters, http.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "http": { "url": "ftp://kb" } }]""", "agent.tools[0] ('kb_search'): http.url must be an absolute http or https URL, not 'ftp://kb'.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "http": { "url": "http://kb", "method": "FETCH" } }]""", "agent.tools[0] ('kb_search'): http.method must be one of")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "http": { "url": "http://kb", "body": {} } }]""", "agent.tools[0] ('kb_search'): http.body is not allowed on a tool")]
    [InlineData("""[{ "name": "crm", "description": "d", "run": { "args": ["x"] } }]""", "agent.tools[0] ('crm'): run.command is required.")]
    [InlineData("""[{ "name": "crm", "description": "d", "run": { "command": "x", "stdin": "y" } }]""", "agent.tools[0] ('crm'): run.stdin is not allowed on a tool")]
    [InlineData("""[{ "name": "crm", "description": "d", "run": "./crm.sh" }]""", "agent.tools[0] ('crm'): run must be a mapping, not a string.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "parameters": [], """ + Http + "}]", "agent.tools[0] ('kb_search'): parameters must be a JSON Schema mapping, not a list.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "parameters": { "type": "string" }, """ + Http + "}]", "agent.tools[0] ('kb_search'): parameters.type must be 'object': a tool's arguments are always an object, not 'string'.")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "parameters": { "type": "object", "properties": { "q": { "$ref": "https://example.com/q.json" } } }, """ + Http + "}]", "agent.tools[0] ('kb_search'): parameters refers to another document ('$ref': 'https://example.com/q.json')")]
    [InlineData("""[{ "name": "kb_search", "description": "d", "parameters": { "type": "object", "properties": { "q": { "$ref": "#/definitions/missing" } } }, """ + Http + "}]", "agent.tools[0] ('kb_search'): parameters cannot be used as a JSON Schema")]
    [InlineData("""[{ "name": "refund", "description": "d", "workflow": { "path": "./refund.yaml" } }]""", "agent.tools[0] ('refund'): workflow tools need a workflow host")]
    [InlineData("""[{ "name": "refund", "description": "d", "workflow": {} }]""", "agent.tools[0] ('refund'): workflow.path is required.")]
    [InlineData("""[{ "name": "docs", "mcp": { "command": "x", "tools": ["a"] } }]""", "agent.tools[0].name is not allowed on an mcp entry")]
    [InlineData("""[{ "mcp": { "command": "x" } }]""", "agent.tools[0]: mcp.tools must list the server's tools the agent may use")]
    [InlineData("""[{ "mcp": { "command": "x", "tools": [] } }]""", "agent.tools[0]: mcp.tools must list the server's tools the agent may use")]
    [InlineData("""[{ "mcp": { "command": "x", "tools": ["search docs"] } }]""", "agent.tools[0]: mcp.tools[0] 'search docs' is not a valid tool name")]
    [InlineData("""[{ "mcp": { "command": "x", "tools": ["a", "a"] } }]""", "agent.tools[0]: mcp.tools[1] repeats 'a'.")]
    [InlineData("""[{ "mcp": { "command": "x", "tools": ["a"], "args": "--readonly" } }]""", "agent.tools[0]: mcp.args must be a list, not a string.")]
    [InlineData("""[{ "mcp": { "tools": ["a"] } }]""", "agent.tools[0]: mcp.command is required.")]
    [InlineData("""[{ "mcp": { "command": "x", "tools": ["a"], "allow": ["b"] } }]""", "agent.tools[0]: mcp.allow is not a known key")]
    public async Task CreateAsync_InvalidEntry_ErrorNamesEntryAndField(string tools, string expected)
    {
        var act = () => Toolboxes.CreateAsync(tools);

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should().Contain(expected);
    }

    [Fact]
    public async Task CreateAsync_ErrorInLaterEntry_NamesItsIndex()
    {
        var tools = $$"""[{ "name": "a", "description": "d", {{Http}} }, { "name": "b", "description": "d", {{Http}} }, { "name": "c", {{Http}} }]""";

        var act = () => Toolboxes.CreateAsync(tools);

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should().StartWith("agent.tools[2] ('c'): description is required");
    }

    [Fact]
    public async Task CreateAsync_NameLongerThan64_Refused()
    {
        var name = new string('a', 65);

        var act = () => Toolboxes.CreateAsync($$"""[{ "name": "{{name}}", "description": "d", {{Http}} }]""");

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should().Contain($"'{name}' is not a valid tool name");
    }

    [Fact]
    public async Task CreateAsync_TwoToolsWithOneName_Refused()
    {
        var tools = $$"""[{ "name": "kb_search", "description": "d", {{Http}} }, { "name": "kb_search", "description": "d", "run": { "command": "x" } }]""";

        var act = () => Toolboxes.CreateAsync(tools);

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should()
            .Be("agent.tools[1] ('kb_search'): the tool name 'kb_search' is already used by agent.tools[0] ('kb_search'); tool names must be unique within an agent.");
    }

    [Fact]
    public async Task CreateAsync_AllowListedNameClashesWithTool_RefusedBeforeAnyServerStarts()
    {
        // The command does not exist: reaching the server start would give a different error.
        var tools = $$"""[{ "name": "search_docs", "description": "d", {{Http}} }, { "mcp": { "command": "no-such-mcp-server", "tools": ["search_docs"] } }]""";

        var act = () => Toolboxes.CreateAsync(tools);

        (await act.Should().ThrowAsync<ToolConfigurationException>()).Which.Message.Should()
            .Be("agent.tools[1] (MCP server 'no-such-mcp-server'): the tool name 'search_docs' is already used by agent.tools[0] ('search_docs'); tool names must be unique within an agent.");
    }

    [Fact]
    public async Task CreateAsync_EmptyList_EmptyToolbox()
    {
        await using var toolbox = await Toolboxes.CreateAsync("[]");

        toolbox.Tools.Should().BeEmpty();
        toolbox.TryGet("anything", out _).Should().BeFalse();
    }
}
