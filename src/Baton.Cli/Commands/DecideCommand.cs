using System.CommandLine;
using Baton.Cli.Runs;
using Baton.Engine;

namespace Baton.Cli.Commands;

/// <summary>
/// <c>approve</c> and <c>reject</c>: decide an approval step, then drive the run forward. A decision that does not apply
/// (someone decided first, or the edits change a field that is not editable) exits 2 with the engine's message, which
/// names who decided.
/// </summary>
internal static class DecideCommand
{
    public static Command Create(bool approve)
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." }.NotBlank();
        var step = new Argument<string>("step") { Description = "The approval step's id, or its path when it waits in several places." }.NotBlank();
        var by = CommonOptions.By();
        var comment = new Option<string?>("--comment") { Description = "A comment kept with the decision." }.NotBlank();
        var data = new Option<string?>("--data") { Description = "Edited fields (JSON object), merged over the data under review: fields left out keep their values." };
        var json = CommonOptions.Json();
        var secrets = CommonOptions.SecretsFile();
        var store = CommonOptions.Store();
        var command = new Command(approve ? "approve" : "reject",
            approve ? "Approve a waiting approval step, then drive the run forward." : "Reject a waiting approval step (it fails with approval.rejected and routes by on-error), then drive the run forward.")
        {
            runArgument, step, by, comment, json, secrets, store,
        };
        if (approve)
        {
            command.Add(data);
        }

        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var edited = parse.GetValue(data) is { } text ? JsonLimits.Parse(text, "--data") : null;
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), parse.GetValue(secrets), true, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runId = new RunId(parse.GetValue(runArgument)!);
                DrivenRun.ShowProgress(host, runId, parse.GetValue(json));
                var decision = new ApprovalDecision(approve, CommonOptions.Actor(parse.GetValue(by)), parse.GetValue(comment), edited);
                var result = await ApprovalTarget.DecideAsync(host.Engine, runId, parse.GetValue(step)!, decision, ct).ConfigureAwait(false);
                return await DrivenRun.ReportAsync(host, result, parse.GetValue(json), ct).ConfigureAwait(false);
            }
        }));
        return command;
    }
}
