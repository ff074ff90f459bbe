using System.Text.Json.Nodes;

namespace Baton.AI.Tests.Tools;

/// <summary>Finds the test MCP server's build and writes the <c>mcp</c> entry that starts it with <c>dotnet</c>.</summary>
internal static class TestMcpServer
{
    /// <summary>
    /// The server's own build output (same configuration as the tests), not a copy next to the tests: the project
    /// reference builds it without copying it.
    /// </summary>
    public static readonly string Dll = Find();

    public static JsonObject Entry(string[] allowed, JsonObject? env = null)
    {
        var mcp = new JsonObject
        {
            ["command"] = "dotnet",
            ["args"] = new JsonArray(Dll),
            ["tools"] = new JsonArray([.. allowed.Select(a => JsonValue.Create(a))]),
        };
        if (env is not null)
        {
            mcp["env"] = env;
        }

        return new JsonObject { ["mcp"] = mcp };
    }

    private static string Find()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(FindRoot(), "tests", "Baton.TestMcpServer", "bin", configuration, "net10.0", "baton-test-mcp-server.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The test MCP server build '{path}' is missing; build tests/Baton.AI.Tests first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Baton.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Baton.slnx) was not found above the test binaries.");
    }
}
