using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary><c>baton validate</c> and <c>baton run --model</c> catch AI configuration mistakes before anything runs.</summary>
public sealed class AIValidateTests
{
    [Fact]
    public async Task Validate_AIConfigurationMistakes_ReportsEachWithItsPositionAndExits2()
    {
        using var cli = new CliRunner();
        cli.Write("baton.yaml", """
            models:
              fast: opneai/gpt-4o-mini
            providers:
              openia: { max-retries: 2 }
            """);
        var file = cli.Write("flow.yaml", """
            name: mistakes
            models:
              smart: openai/gpt-4o
            steps:
              - id: ask
                llm: { model: smrt, prompt: hello }
              - id: work
                agent:
                  model: anthropic/claude-sonnet-4-5
                  goal: Work.
                  tools:
                    - name: bad name!
                      description: A tool.
                      run: { command: echo }
                    - mcp: { command: ./server }
            """);

        var result = await cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.ToString());
        var lines = result.Stdout.Split('\n');
        lines.Should().Contain(l => l.Contains("baton.yaml:2:9: error BATON084", StringComparison.Ordinal) && l.Contains("Did you mean 'openai'?", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("baton.yaml:4:3: error BATON084", StringComparison.Ordinal) && l.Contains("providers.openia", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("flow.yaml:6:19: error BATON085", StringComparison.Ordinal) && l.Contains("Did you mean 'smart'?", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("flow.yaml:12:", StringComparison.Ordinal) && l.Contains("error BATON062", StringComparison.Ordinal) && l.Contains("tools[0].name", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("flow.yaml:15:", StringComparison.Ordinal) && l.Contains("error BATON062", StringComparison.Ordinal) && l.Contains("mcp.tools", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ModelOfAnUnknownProviderInAStep_Exits2()
    {
        using var cli = new CliRunner();
        var file = cli.Write("flow.yaml", """
            name: typo
            steps:
              - id: ask
                classify: { model: opneai/gpt-4o-mini, input: hi, choices: [a, b] }
            """);

        var result = await cli.RunAsync("validate", file);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().Contain("flow.yaml:4:24: error BATON084").And.Contain("'opneai'");
    }

    [Fact]
    public async Task Run_ModelOverrideToAnUnknownProvider_Exits2BeforeTheRun()
    {
        using var cli = new CliRunner();
        var file = cli.Write("flow.yaml", """
            name: override
            models:
              triage: openai/gpt-4o-mini
            steps:
              - id: ask
                llm: { model: triage, prompt: hello }
            """);

        var result = await cli.RunAsync("run", file, "--model", "triage=opneai/gpt-4o");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--model 'triage=opneai/gpt-4o'").And.Contain("Did you mean 'openai'?");
        File.Exists(cli.StorePath).Should().BeFalse("nothing ran, so no store was created");
    }
}
