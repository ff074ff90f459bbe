using System.CommandLine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class CancelCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." };
        var reason = new Option<string?>("--reason") { Description = "Why, recorded with the cancellation." };
        var by = CommonOptions.By();
        var json = CommonOptions.Json();
        var command = new Command("cancel", "Cancel a run: running steps stop, waits end, child runs are cancelled. Exit 0 once cancelled.") { runArgument, reason, by, json };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(CommonOptions.Store)), null, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var result = await host.Engine.CancelAsync(new RunId(parse.GetValue(runArgument)!), CommonOptions.Actor(parse.GetValue(by)), parse.GetValue(reason), ct).ConfigureAwait(false);
                var code = await DrivenRun.ReportAsync(host, result, parse.GetValue(json), ct).ConfigureAwait(false);
                return result.Status == RunStatus.Cancelled ? ExitCodes.Success : code;
            }
        }));
        return command;
    }
}
