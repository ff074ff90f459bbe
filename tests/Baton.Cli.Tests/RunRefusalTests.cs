using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// <c>baton run</c> checks everything that can refuse a run (the workflow, <c>--model</c>, the inputs, the environment,
/// the models' keys) before it opens the store: a refused run prints only the error and creates no store file.
/// </summary>
public sealed class RunRefusalTests
{
    private static readonly string CampaignReport = Path.Combine(CliRunner.RepositoryRoot, "examples", "campaign-report", "campaign-report.yaml");

    public static TheoryData<string, string[], string> Refusals => new()
    {
        { "a malformed --model", ["--model", "a=b", "-i", "client=acme", "-i", "campaign=spring-sale"], "--model 'a=b' must have the form ALIAS=provider/model" },
        { "an unknown alias", ["--model", "writer=openai/gpt-4o-mini", "-i", "client=acme", "-i", "campaign=spring-sale"], "has no model alias 'writer'" },
        { "invalid inputs", ["-i", "client=ACME", "-i", "campaign=spring-sale"], "inputs.client: must match the pattern" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Run_Refused_PrintsOnlyTheErrorAndCreatesNoStore(string refusal, string[] options, string expected)
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync(["run", CampaignReport, .. options]);

        result.ExitCode.Should().Be(2, "{0}: {1}", refusal, result);
        result.Stderr.Should().Contain(expected);
        result.Stdout.Should().BeEmpty("no header or note comes before the error");
        File.Exists(cli.StorePath).Should().BeFalse("a refused run creates no store");
    }

    [Fact]
    public async Task Run_InvalidWorkflow_CreatesNoStore()
    {
        using var cli = new CliRunner();
        var file = cli.Write("broken.yaml", "name: broken\nsteps:\n  - id: a\n    bogus: 1\n");

        var result = await cli.RunAsync("run", file);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("BATON");
        File.Exists(cli.StorePath).Should().BeFalse();
    }

    [Fact]
    public async Task Run_RealModelWithoutItsApiKey_Exits2NamingTheAliasProviderAndVariableBeforeAnyStepRuns()
    {
        using var cli = new CliRunner();
        cli.Environment["OPENAI_API_KEY"] = "";
        cli.Environment["OPENAI_BASE_URL"] = "";

        var result = await cli.RunAsync("run", CampaignReport, "-i", "client=acme", "-i", "campaign=spring-sale", "--model", "analyst=openai/gpt-4o-mini", "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        var error = result.Json["error"]!;
        error["code"]!.GetValue<string>().Should().Be("run.cannot-start");
        error["message"]!.GetValue<string>().Should().Contain("model alias 'analyst'").And.Contain("provider 'openai'").And.Contain("set OPENAI_API_KEY");
        result.Stderr.Should().Contain("set OPENAI_API_KEY");
        File.Exists(cli.StorePath).Should().BeFalse("the run was refused before it was stored, so no step ran");
    }
}
