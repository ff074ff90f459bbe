using System.CommandLine;
using Baton.Cli.Output;
using Baton.Engine;

namespace Baton.Cli.Commands;

internal static class WorkerCommand
{
    public static Command Create()
    {
        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop when no run is ready and no timer is due, instead of running until interrupted." };
        var concurrency = new Option<int?>("--concurrency") { Description = "How many runs to drive at once, 1 to 10,000. Default 64." }.Between(1, 10_000);
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print step progress." };
        var secrets = CommonOptions.SecretsFile();
        var store = CommonOptions.Store();
        var command = new Command("worker", "Run the engine: fire due timers, continue ready runs, and resume runs a crash interrupted.") { untilIdle, concurrency, quiet, secrets, store };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var options = new BatonEngineOptions();
            if (parse.GetValue(concurrency) is { } c)
            {
                options.WorkerConcurrency = c;
            }

            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(secrets), false, null, ct, options).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var terminal = Terminal.Stdout;
                var idle = parse.GetValue(untilIdle);
                if (!parse.GetValue(quiet))
                {
                    new ProgressPrinter(terminal, perRun: true).Attach(host.Engine);
                }

                terminal.Line($"worker {host.Engine.WorkerId} on {host.StorePath}" + (idle ? " (until idle)" : "; press Ctrl+C to stop"));
                var recovered = await host.Engine.RecoverAbandonedRunsAsync(ct).ConfigureAwait(false);
                if (recovered > 0)
                {
                    terminal.Line(terminal.Yellow($"Resuming {recovered} run(s) that an interrupted process left behind."));
                }

                await host.Engine.RunWorkerAsync(idle, ct).ConfigureAwait(false);

                // Stopped by Ctrl+C or SIGTERM: the steps in flight were stopped, and their runs resume with the next worker.
                ct.ThrowIfCancellationRequested();
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
