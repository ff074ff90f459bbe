using System.CommandLine;
using Baton.Cli.Output;
using Baton.Cli.Runs;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class CancelCommand
{
    /// <summary>How long to wait, by default, for another process to stop the run: its heartbeat (5 s) with room to spare, or its lease (30 s) if it died.</summary>
    private const int DefaultTimeoutSeconds = 60;

    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." }.NotBlank();
        var reason = new Option<string?>("--reason") { Description = "Why, recorded with the cancellation." }.NotBlank();
        var timeout = new Option<int>("--timeout")
        {
            Description = $"When another process is driving the run: seconds to wait for it to stop the run (default {DefaultTimeoutSeconds}; 0 stores the cancellation and returns at once). Exit 4 if it has not stopped by then.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        }.Between(0, 3600);
        var by = CommonOptions.By();
        var json = CommonOptions.Json();
        var secrets = CommonOptions.SecretsFile();
        var store = CommonOptions.Store();
        var command = new Command("cancel", "Cancel a run: running steps stop, waits end, child runs are cancelled. Exit 0 once cancelled; 4 if another process driving it has not stopped it within --timeout.")
        {
            runArgument, reason, timeout, by, json, secrets, store,
        };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(secrets), true, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runId = new RunId(parse.GetValue(runArgument)!);
                var asJson = parse.GetValue(json);
                var run = await EndedRun.LoadAsync(host.Store, runId, ct).ConfigureAwait(false);
                if (run.Status == RunStatus.Cancelled)
                {
                    (asJson ? Terminal.Stderr : Terminal.Stdout).Line($"Run {runId} was already cancelled; nothing more to do.");
                    return await ReportAsync(host, ResultOf(run), asJson, pending: false, ct).ConfigureAwait(false);
                }

                if (run.IsTerminal)
                {
                    throw EndedRun.Error(run, "there is nothing to cancel");
                }

                var result = await host.Engine.CancelAsync(runId, CommonOptions.Actor(parse.GetValue(by)), parse.GetValue(reason), ct).ConfigureAwait(false);
                if (!result.IsTerminal)
                {
                    result = await WaitAsync(host.Engine, runId, TimeSpan.FromSeconds(parse.GetValue(timeout)), asJson ? Terminal.Stderr : Terminal.Stdout, ct).ConfigureAwait(false);
                }

                return await ReportAsync(host, result, asJson, pending: !result.IsTerminal, ct).ConfigureAwait(false);
            }
        }));
        return command;
    }

    /// <summary>
    /// Another process holds the run: it sees the stored cancellation at its next heartbeat. Keep driving the run too,
    /// so that if that process has died, this one takes the run over once its lease runs out and cancels it.
    /// </summary>
    private static async Task<RunResult> WaitAsync(BatonEngine engine, RunId runId, TimeSpan timeout, Terminal terminal, CancellationToken cancellationToken)
    {
        var result = await engine.DriveAsync(runId, cancellationToken).ConfigureAwait(false);
        if (result.IsTerminal || timeout <= TimeSpan.Zero)
        {
            return result;
        }

        terminal.Line($"Cancellation of run {runId} is stored; another process is driving the run. Waiting up to {timeout.TotalSeconds:0} s for it to stop the run...");
        var clock = TimeProvider.System;
        var deadline = clock.GetUtcNow() + timeout;
        while (!result.IsTerminal && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), clock, cancellationToken).ConfigureAwait(false);
            result = await engine.DriveAsync(runId, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task<int> ReportAsync(CliHost host, RunResult result, bool json, bool pending, CancellationToken cancellationToken)
    {
        if (json)
        {
            var run = await host.Store.GetRunAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            var steps = await host.Store.GetStepExecutionsAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            var document = RunJson.Result(run!, steps);
            document["cancelRequested"] = pending;
            JsonOutput.Write(Console.Out, document);
        }
        else if (pending)
        {
            Terminal.Stdout.Line($"{Terminal.Stdout.Yellow("cancel requested")} run {result.RunId} is still {RunStateNames.Run(result.Status)}: the process driving it has not stopped it yet. "
                + $"The cancellation is stored and takes effect when that process next checks (every 5 s), or, if that process is gone, once its lease runs out and '{CliName.Command("worker")}' or '{CliName.Command("run")}' takes the run over. "
                + $"Check with: {CliName.Command($"show {result.RunId}")}");
        }
        else
        {
            var run = await host.Store.GetRunAsync(result.RunId, cancellationToken).ConfigureAwait(false);
            await ResultPrinter.PrintAsync(Terminal.Stdout, host.Store, run!, cancellationToken).ConfigureAwait(false);
        }

        return pending ? ExitCodes.CancelPending : result.Status == RunStatus.Cancelled ? ExitCodes.Success : ResultPrinter.ExitCode(result.Status);
    }

    private static RunResult ResultOf(RunRecord run) => new(run.Id, run.Status, run.Output, run.Error);
}
