using Baton.Cli.Tests.Support;
using Baton.Engine;

namespace Baton.Cli.Tests;

/// <summary>A step's duration, printed by a process that did not see the step start.</summary>
public sealed class StepDurationTests
{
    [Fact]
    public async Task Worker_StepStartedByAProcessThatWasKilled_PrintsTheDurationFromTheStepsFirstStart()
    {
        using var cli = new CliRunner();
        var attempted = Path.Combine(cli.Directory, "attempted");
        cli.Write("step.sh", """
            #!/bin/sh
            # The first attempt stays until it is killed with its CLI; the attempt that recovery starts fails.
            if [ -f attempted ]; then echo "the second attempt fails" >&2; exit 3; fi
            echo $$ > attempted
            exec sleep 120
            """);
        File.SetUnixFileMode(Path.Combine(cli.Directory, "step.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var workflow = cli.Write("crash.yaml", "name: crash\nsteps:\n  - id: work\n    run: { command: ./step.sh }\n");

        using (var victim = cli.Start("run", workflow))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!File.Exists(attempted) || File.ReadAllText(attempted).Trim().Length == 0)
            {
                victim.HasExited.Should().BeFalse("the first attempt should be running");
                await Task.Delay(20, timeout.Token);
            }

            victim.Kill();
            await victim.WaitForExitAsync();
        }

        KillOrphan(int.Parse(File.ReadAllText(attempted).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        var worker = await cli.RunAsync("worker", "--until-idle");

        worker.ExitCode.Should().Be(0, worker.ToString());
        var runId = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!["runId"]!.GetValue<string>();
        var details = await cli.RunAsync("show", runId, "--json");
        var durationMs = details.Step("work")["durationMs"]!.GetValue<long>();
        var failed = details.Json["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "step.failed")!;
        failed["data"]!["durationMs"]!.GetValue<long>().Should().Be(durationMs, "the end event carries the step's duration as stored");
        var expected = RunDriverFormatting.Duration(TimeSpan.FromMilliseconds(durationMs));
        var line = worker.Stdout.Split('\n').Single(l => l.Contains("✗ work", StringComparison.Ordinal));
        line.TrimEnd().Should().EndWith($"the second attempt fails  {expected}", "the worker saw only the second attempt start, and prints the step's whole time");

        var shown = await cli.RunAsync("show", runId);
        shown.Stdout.Split('\n').Should().Contain(
            l => l.Contains("step.failed", StringComparison.Ordinal) && l.TrimEnd().EndsWith($"({expected})", StringComparison.Ordinal), shown.Stdout);
    }

    /// <summary>The first attempt's process outlives its killed CLI (nothing is left to kill it); the test must not leave it behind.</summary>
    private static void KillOrphan(int pid)
    {
        try
        {
            using var orphan = System.Diagnostics.Process.GetProcessById(pid);
            orphan.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // It is gone already.
        }
    }
}
