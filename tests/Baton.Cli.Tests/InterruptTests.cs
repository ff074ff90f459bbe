using System.Diagnostics;
using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM stop a command cleanly: exit 130 with a message, the step's whole process tree is
/// killed, and the run resumes with the next worker. The signals go to the real CLI process.
/// </summary>
public sealed class InterruptTests
{
    /// <summary>Starts a grandchild, records both process ids, and blocks until the test creates the release file.</summary>
    private const string Step = """
        #!/bin/sh
        sleep 600 &
        grandchild=$!
        echo "$$ $grandchild" > "$PIDS.tmp" && mv "$PIDS.tmp" "$PIDS"
        while [ ! -f "$RELEASE" ]; do sleep 0.05; done
        kill "$grandchild"
        echo released
        """;

    private const string Workflow = """
        name: long
        steps:
          - id: slow
            run: { command: ./step.sh }
          - id: after
            set: { done: true }
        outputs: ${{ trim(steps.slow.output.stdout) }}
        """;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Run_SignalMidStep_Exits130KillsTheStepsProcessTreeAndTheNextWorkerCompletesTheRun(string signal)
    {
        using var cli = Setup(out var pids, out var release);

        var interrupted = await InterruptAsync(cli, cli.Start("run", Path.Combine(cli.Directory, "long.yaml")), pids, signal);

        interrupted.ExitCode.Should().Be(130, interrupted.ToString());
        interrupted.Stderr.Should().Contain("Interrupted. Runs in flight resume with the next 'baton worker' or 'baton run' on this store.");
        await ShouldBeGoneAsync(pids);
        await ResumeAndCompleteAsync(cli, release);
    }

    [Fact]
    public async Task RunJson_SigintMidStep_PrintsTheInterruptedErrorAndExits130()
    {
        using var cli = Setup(out var pids, out _);

        var interrupted = await InterruptAsync(cli, cli.Start("run", Path.Combine(cli.Directory, "long.yaml"), "--json"), pids, "INT");

        interrupted.ExitCode.Should().Be(130, interrupted.ToString());
        var error = interrupted.Json["error"]!;
        error["code"]!.GetValue<string>().Should().Be("interrupted");
        error["message"]!.GetValue<string>().Should().StartWith("Interrupted.");
        error["details"]!.AsArray().Should().BeEmpty();
        await ShouldBeGoneAsync(pids);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Worker_SignalMidStep_Exits130KillsTheStepsProcessTreeAndTheNextWorkerCompletesTheRun(string signal)
    {
        using var cli = Setup(out var pids, out var release);
        var timer = cli.Write("timer.yaml", Workflow.Replace("steps:\n", "steps:\n  - id: pause\n    wait: { for: 1s }\n", StringComparison.Ordinal));
        (await cli.RunAsync("run", timer)).ExitCode.Should().Be(3, "the run waits for its timer, for the worker to take it");

        var interrupted = await InterruptAsync(cli, cli.Start("worker"), pids, signal);

        interrupted.ExitCode.Should().Be(130, interrupted.ToString());
        interrupted.Stderr.Should().Contain("Interrupted.");
        await ShouldBeGoneAsync(pids);
        await ResumeAndCompleteAsync(cli, release);
    }

    private static CliRunner Setup(out string pids, out string release)
    {
        var cli = new CliRunner();
        pids = Path.Combine(cli.Directory, "pids");
        release = Path.Combine(cli.Directory, "release");
        cli.Environment["PIDS"] = pids;
        cli.Environment["RELEASE"] = release;
        var script = cli.Write("step.sh", Step.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        cli.Write("long.yaml", Workflow);
        return cli;
    }

    /// <summary>Waits until the step has started its processes, then sends the signal to the CLI process alone.</summary>
    private static async Task<CliResult> InterruptAsync(CliRunner cli, Process process, string pids, string signal)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var started = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (!File.Exists(pids))
                {
                    started.Token.IsCancellationRequested.Should().BeFalse("the step should have started within 60 s; output so far: {0}", cli.Directory);
                    await Task.Delay(20, CancellationToken.None);
                }
            }

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(stopped.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr, [signal]);
        }
    }

    /// <summary>The step's shell and its grandchild are killed: gone, or zombies waiting to be reaped by whoever inherited them.</summary>
    private static async Task ShouldBeGoneAsync(string pids)
    {
        var ids = File.ReadAllText(pids).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
        ids.Should().HaveCount(2);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (ids.Any(IsRunning) && !deadline.IsCancellationRequested)
        {
            // A killed process may take a moment to leave the process table.
            await Task.Delay(20, CancellationToken.None);
        }

        ids.Where(IsRunning).Should().BeEmpty("the interrupted step's process tree is killed, not orphaned");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    private static async Task ResumeAndCompleteAsync(CliRunner cli, string release)
    {
        File.WriteAllText(release, "");
        var worker = await cli.RunAsync("worker", "--until-idle");
        worker.ExitCode.Should().Be(0, worker.ToString());
        var run = (await cli.RunAsync("runs", "--json")).Json.AsArray().Single()!;
        run["status"]!.GetValue<string>().Should().Be("completed", worker.ToString());
        var details = (await cli.RunAsync("show", run["runId"]!.GetValue<string>(), "--json")).Json;
        details["output"]!.GetValue<string>().Should().Be("released");
        details["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "slow")!["attempts"]!.GetValue<int>().Should().Be(2, "the interrupted attempt runs again");
    }
}
