using System.Diagnostics;
using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary><c>baton cancel</c> against a run that another <c>baton</c> process is driving, and against runs that have ended.</summary>
public sealed class CancelCommandTests
{
    private const string LongStep = """
        name: long
        steps:
          - id: work
            run: { command: /bin/sh, args: ["-c", "touch \"$STARTED\"; exec sleep 120"] }
        """;

    [Fact]
    public async Task Cancel_RunDrivenByAnotherProcess_WaitsUntilThatProcessStopsItThenExits0()
    {
        using var cli = new CliRunner();
        var (driver, runId) = await StartLongRunAsync(cli);
        using (driver)
        {
            var cancel = await cli.RunAsync("cancel", runId, "--reason", "changed my mind");

            cancel.ExitCode.Should().Be(0, cancel.ToString());
            cancel.Stdout.Should().Contain("Waiting up to 60 s").And.Contain($"cancelled run {runId}");
            await driver.WaitForExitAsync();
            driver.ExitCode.Should().Be(1, "the driving process reports its run cancelled");
        }

        var shown = await cli.RunAsync("show", runId, "--json");
        shown.Json["status"]!.GetValue<string>().Should().Be("cancelled");
    }

    [Fact]
    public async Task Cancel_TimeoutPassesWhileAnotherProcessDrives_Exits4SayingTheCancellationIsStored()
    {
        using var cli = new CliRunner();
        var (driver, runId) = await StartLongRunAsync(cli);
        using (driver)
        {
            var cancel = await cli.RunAsync("cancel", runId, "--timeout", "0");

            cancel.ExitCode.Should().Be(4, cancel.ToString());
            cancel.Stdout.Should().Contain("cancel requested").And.Contain("is still running").And.Contain("takes effect");

            await driver.WaitForExitAsync();
            driver.ExitCode.Should().Be(1, "the stored cancellation takes effect in the driving process");
        }

        var after = await cli.RunAsync("cancel", runId, "--json");
        after.ExitCode.Should().Be(0, after.ToString());
        after.Json["status"]!.GetValue<string>().Should().Be("cancelled");
        after.Json["cancelRequested"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Cancel_CompletedRun_SaysItAlreadyEndedAndExits2()
    {
        using var cli = new CliRunner();
        var file = cli.Write("quick.yaml", "name: quick\nsteps:\n  - id: a\n    set: { x: 1 }\n");
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("cancel", runId);
        var asJson = await cli.RunAsync("cancel", runId, "--json");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"Run {runId} has already ended (completed").And.Contain("nothing to cancel");
        result.Stderr.Should().NotContain("signal").And.NotContain("stored");
        asJson.ExitCode.Should().Be(2);
        asJson.Json["error"]!["code"]!.GetValue<string>().Should().Be("run.ended");
    }

    [Fact]
    public async Task Cancel_RunAlreadyCancelled_SaysSoAndExits0()
    {
        using var cli = new CliRunner();
        var file = cli.Write("waits.yaml", "name: waits\nsteps:\n  - id: w\n    wait: { event: go }\n");
        var runId = (await cli.RunAsync("run", file, "--json")).Json["runId"]!.GetValue<string>();
        (await cli.RunAsync("cancel", runId)).ExitCode.Should().Be(0);

        var again = await cli.RunAsync("cancel", runId);

        again.ExitCode.Should().Be(0, again.ToString());
        again.Stdout.Should().Contain("already cancelled");
    }

    private static async Task<(Process Driver, string RunId)> StartLongRunAsync(CliRunner cli)
    {
        var started = Path.Combine(cli.Directory, "started");
        cli.Environment["STARTED"] = started;
        var file = cli.Write("long.yaml", LongStep);
        var driver = cli.Start("run", file);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(started))
        {
            driver.HasExited.Should().BeFalse("the run's step should be running");
            await Task.Delay(20, timeout.Token);
        }

        var runs = await cli.RunAsync("runs", "--json");
        return (driver, runs.Json.AsArray().Single()!["runId"]!.GetValue<string>());
    }
}
