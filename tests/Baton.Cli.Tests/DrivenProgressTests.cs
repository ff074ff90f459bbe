using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// <c>approve</c>, <c>reject</c> and <c>signal</c> drive the run forward in their own process, and show its steps as they
/// start and end, as <c>baton run</c> does; with <c>--json</c>, stdout holds only the run.
/// </summary>
public sealed class DrivenProgressTests
{
    private const string Reviewed = """
        name: reviewed
        steps:
          - id: review
            approval: { title: Check it }
            on-error: { goto: rejected }
          - id: deliver
            set: { sent: true }
          - id: notify
            set: { told: true }
          - id: rejected
            set: { sent: false }
        """;

    private const string Waits = """
        name: waits
        steps:
          - id: hold
            wait: { events: [go] }
          - id: after
            set: { done: true }
        """;

    [Fact]
    public async Task Approve_PrintsTheDecisionAndEachStepItDrivesThenTheResult()
    {
        using var cli = new CliRunner();
        var runId = await StartAsync(cli, Reviewed);

        var result = await cli.RunAsync("approve", runId, "review", "--by", "kim");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().MatchRegex(@"✎ review  Approved by user:kim\n");
        result.Stdout.Should().MatchRegex(@"✓ deliver  [\d.]+ (ms|s)\n[\s\S]*✓ notify  [\d.]+ (ms|s)\n[\s\S]*completed run " + runId);
        result.Stdout.Should().NotContain("[", "the run the command acts on is printed without a run prefix");
    }

    [Fact]
    public async Task Reject_PrintsTheStepsTheRejectionRoutesTo()
    {
        using var cli = new CliRunner();
        var runId = await StartAsync(cli, Reviewed);

        var result = await cli.RunAsync("reject", runId, "review", "--comment", "not yet");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("✎ review  Rejected by user:").And.Contain(": not yet\n").And.Contain("✗ review").And.MatchRegex(@"✓ rejected  [\d.]+ (ms|s)\n").And.NotContain("deliver");
    }

    [Fact]
    public async Task Signal_PrintsTheStepsTheEventLetsRun()
    {
        using var cli = new CliRunner();
        var runId = await StartAsync(cli, Waits);

        var result = await cli.RunAsync("signal", runId, "go");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().MatchRegex(@"✓ hold  [\d.]+ (ms|s)\n[\s\S]*✓ after  [\d.]+ (ms|s)\n[\s\S]*completed run " + runId);
    }

    [Fact]
    public async Task ApproveJson_PrintsOnlyTheRun()
    {
        using var cli = new CliRunner();
        var runId = await StartAsync(cli, Reviewed);

        var result = await cli.RunAsync("approve", runId, "review", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["status"]!.GetValue<string>().Should().Be("completed", "stdout parses as one JSON document");
        result.Stdout.Should().NotContain("✓");
    }

    private static async Task<string> StartAsync(CliRunner cli, string workflow)
    {
        var started = await cli.RunAsync("run", cli.Write("flow.yaml", workflow), "--json");
        started.ExitCode.Should().Be(3, started.ToString());
        return started.Json["runId"]!.GetValue<string>();
    }
}
