using System.CommandLine;

namespace Baton.Cli.Commands;

internal static class SignalCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." };
        var name = new Argument<string>("event") { Description = "The event's name. An event that no wait listens for yet is kept until one does." };
        var data = new Option<string?>("--data") { Description = "The event's data, as JSON." };
        var by = CommonOptions.By();
        var json = CommonOptions.Json();
        var command = new Command("signal", "Deliver an event to a run, then drive the run forward.") { runArgument, name, data, by, json };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var payload = parse.GetValue(data) is { } text ? DecideCommand.ParseJson(text, "--data") : null;
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(CommonOptions.Store)), null, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var result = await host.Engine.SignalAsync(new RunId(parse.GetValue(runArgument)!), parse.GetValue(name)!, payload, CommonOptions.Actor(parse.GetValue(by)), ct).ConfigureAwait(false);
                return await DrivenRun.ReportAsync(host, result, parse.GetValue(json), ct).ConfigureAwait(false);
            }
        }));
        return command;
    }
}
