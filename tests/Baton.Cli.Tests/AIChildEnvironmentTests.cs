using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// The model providers' API keys stay in Baton: real processes (a run step, an agent's run tool, an MCP server) started by
/// the real CLI write down the environment they got.
/// </summary>
public sealed class AIChildEnvironmentTests
{
    private static readonly string McpServerDll = FindMcpServer();

    [Fact]
    public async Task Run_ProviderKeysSet_NoChildProcessInheritsThemUnlessItsEnvPassesOne()
    {
        using var cli = new CliRunner();
        cli.Environment["OPENAI_API_KEY"] = "sk-openai-env-0001";
        cli.Environment["ANTHROPIC_API_KEY"] = "sk-ant-env-0002";
        cli.Environment["ANTHROPIC_AUTH_TOKEN"] = "ant-token-0003";
        cli.Environment["TEAM_PROXY_KEY"] = "proxy-key-0004";
        cli.Environment["BATON_SECRET_DB"] = "db-secret-0005";
        cli.Environment["KEEP_ME"] = "still-here";
        cli.Write("baton.yaml", """
            models:
              worker: { model: scripted/worker, script: ./worker.yaml }
            providers:
              ollama: { api-key-env: TEAM_PROXY_KEY }
            """);
        cli.Write("worker.yaml", """
            responses:
              - tool-calls: [{ name: dump }]
              - text: done
            """);
        var workflow = cli.Write("env.yaml", $$$"""
            name: env-check
            env:
              OPENAI_API_KEY:
            steps:
              - id: plain
                run: { command: sh, args: [-c, "env > plain-env.txt"] }
              - id: passed
                run:
                  command: sh
                  args: [-c, "env > passed-env.txt"]
                  env: { OPENAI_API_KEY: "${{ env.OPENAI_API_KEY }}" }
              - id: agent
                agent:
                  model: worker
                  goal: Dump the environment.
                  tools:
                    - name: dump
                      description: Writes the environment down.
                      run: { command: sh, args: [-c, "env > tool-env.txt; echo '{}'"] }
                    - mcp:
                        command: sh
                        args: [-c, 'env > mcp-env.txt; exec dotnet "$0"', "{{{McpServerDll}}}"]
                        tools: [search_docs]
            """);

        var run = await cli.RunAsync("run", workflow);

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var file in new[] { "plain-env.txt", "tool-env.txt", "mcp-env.txt" })
        {
            var variables = Variables(cli, file);
            variables.Should().NotContainKeys(["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "TEAM_PROXY_KEY", "BATON_SECRET_DB"], $"{file} is a child's environment");
            variables.Should().Contain("KEEP_ME", "still-here", $"{file}: other variables are inherited");
        }

        var passed = Variables(cli, "passed-env.txt");
        passed.Should().Contain("OPENAI_API_KEY", "sk-openai-env-0001", "a step that names the variable in its env passes it on");
        passed.Should().NotContainKey("ANTHROPIC_API_KEY");
    }

    private static Dictionary<string, string> Variables(CliRunner cli, string file)
        => File.ReadAllLines(Path.Combine(cli.Directory, file))
            .Where(l => l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .GroupBy(p => p[0])
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);

    private static string FindMcpServer()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(CliRunner.RepositoryRoot, "tests", "Baton.TestMcpServer", "bin", configuration, "net10.0", "baton-test-mcp-server.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"The test MCP server's build '{path}' is missing; build the solution first.");
    }
}
