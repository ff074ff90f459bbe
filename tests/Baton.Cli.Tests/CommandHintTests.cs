using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// The commands printed as hints are pasted back as they are: they start with what the user ran, the checkout's
/// <c>./baton</c> (which says so in BATON_INVOKED_AS) or the installed <c>baton</c>.
/// </summary>
public sealed class CommandHintTests
{
    private const string Gate = "name: gate\nsteps:\n  - id: review\n    approval: { title: \"OK?\" }\n";

    [Theory]
    [InlineData("./baton", "./baton")]
    [InlineData("../../baton", "../../baton")]
    [InlineData("/home/ana/my checkout/baton", "'/home/ana/my checkout/baton'")]
    public async Task Run_WaitingWhenRunFromTheCheckout_HintsStartWithThePathItWasRunBy(string invokedAs, string expected)
    {
        using var cli = new CliRunner();
        cli.Environment["BATON_INVOKED_AS"] = invokedAs;

        var result = await cli.RunAsync("run", cli.Write("gate.yaml", Gate));

        result.ExitCode.Should().Be(3, result.ToString());
        var runId = result.Stdout.Split("waiting run ")[1].Split('\n')[0].Trim();
        result.Stdout.Should().Contain($"approval 'review' waits: {expected} approve {runId} review   |   {expected} reject {runId} review")
            .And.Contain($"Continue with: {expected} show {runId} | {expected} approve {runId} STEP | {expected} signal {runId} EVENT | {expected} worker");
    }

    [Fact]
    public async Task Run_WaitingAsTheInstalledTool_HintsStartWithBaton()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("run", cli.Write("gate.yaml", Gate));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().MatchRegex(@"Continue with: baton show \w+ \| baton approve").And.NotContain("./baton");
    }

    [Fact]
    public async Task Show_UnknownRunWhenRunFromTheCheckout_SuggestsTheCheckoutsCommand()
    {
        using var cli = new CliRunner();
        cli.Environment["BATON_INVOKED_AS"] = "./baton";
        (await cli.RunAsync("run", cli.Write("gate.yaml", Gate))).ExitCode.Should().Be(3);

        var result = await cli.RunAsync("show", "01nosuchrun");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("List runs with './baton runs'.");
    }

    [Fact]
    public async Task Run_StepProcess_DoesNotInheritHowBatonWasRun()
    {
        using var cli = new CliRunner();
        cli.Environment["BATON_INVOKED_AS"] = "./baton";
        var file = cli.Write("env.yaml", """
            name: env
            steps:
              - id: show
                run: { command: /bin/sh, args: ["-c", "echo ${BATON_INVOKED_AS:-unset}"] }
            outputs: ${{ trim(steps.show.output.stdout) }}
            """);

        var result = await cli.RunAsync("run", file, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!.GetValue<string>().Should().Be("unset");
    }
}
