using System.CommandLine;
using Baton.Cli.Output;
using Baton.Cli.Runs;

namespace Baton.Cli.Commands;

internal static class SignalCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." }.NotBlank();
        var name = new Argument<string>("event") { Description = "The event's name (letters, digits, '_', '.', ':', '-'). An event that no wait listens for yet is kept until one does; 'baton show' lists it meanwhile." }.EventName();
        var data = new Option<string?>("--data") { Description = "The event's data, as JSON (at most 4 MiB)." };
        var by = CommonOptions.By();
        var json = CommonOptions.Json();
        var secrets = CommonOptions.SecretsFile();
        var store = CommonOptions.Store();
        var command = new Command("signal", "Deliver an event to a run, then drive the run forward.") { runArgument, name, data, by, json, secrets, store };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var payload = parse.GetValue(data) is { } text ? JsonLimits.Parse(text, "--data") : null;
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(secrets), true, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runId = new RunId(parse.GetValue(runArgument)!);
                var eventName = parse.GetValue(name)!;
                var run = await EndedRun.LoadAsync(host.Store, runId, ct).ConfigureAwait(false);
                if (run.IsTerminal)
                {
                    throw EndedRun.Error(run, $"it takes no more events, so '{eventName}' was not delivered");
                }

                DrivenRun.ShowProgress(host, runId, parse.GetValue(json));
                var result = await host.Engine.SignalAsync(runId, eventName, payload, CommonOptions.Actor(parse.GetValue(by)), ct).ConfigureAwait(false);
                if (await UnheardEvent.NoteAsync(host.Store, runId, eventName, ct).ConfigureAwait(false) is { } note)
                {
                    // With --json, stdout holds only the run.
                    var terminal = parse.GetValue(json) ? Terminal.Stderr : Terminal.Stdout;
                    terminal.Line(terminal.Yellow($"note: {note}"));
                }

                return await DrivenRun.ReportAsync(host, result, parse.GetValue(json), ct).ConfigureAwait(false);
            }
        }));
        return command;
    }
}
