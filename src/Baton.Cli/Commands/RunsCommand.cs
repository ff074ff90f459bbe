using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class RunsCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only runs with this status: running, waiting, completed, failed or cancelled." };
        var workflow = new Option<string?>("--workflow") { Description = "Only runs of this workflow." };
        var limit = new Option<int>("--limit") { Description = "The most runs to list, newest first.", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var command = new Command("runs", "List runs, newest first.") { status, workflow, limit, json };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            RunStatus? filter = null;
            if (parse.GetValue(status) is { } text)
            {
                filter = RunStateNames.TryParseRun(text, out var parsed)
                    ? parsed
                    : throw new UsageException($"--status '{text}' is not a status; use running, waiting, completed, failed or cancelled.");
            }

            if (parse.GetValue(limit) is < 1 or > 10_000)
            {
                throw new UsageException("--limit must be between 1 and 10000.");
            }

            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(CommonOptions.Store)), null, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runs = await host.Engine.ListRunsAsync(new RunQuery { Status = filter, WorkflowName = parse.GetValue(workflow), Limit = parse.GetValue(limit) }, ct).ConfigureAwait(false);
                var terminal = Terminal.Stdout;
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(terminal.Writer, new JsonArray([.. runs.Select(r => (JsonNode)RunJson.Summary(r))]));
                    return ExitCodes.Success;
                }

                if (runs.Count == 0)
                {
                    terminal.Line($"No runs in {host.StorePath}.");
                    return ExitCodes.Success;
                }

                var table = new TextTable("RUN", "WORKFLOW", "STATUS", "STARTED (UTC)", "DURATION");
                foreach (var run in runs)
                {
                    table.Add(run.Id.Value, run.WorkflowName, RunStateNames.Run(run.Status),
                        run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        RunDriverFormatting.Duration((run.CompletedAt ?? run.UpdatedAt) - run.CreatedAt));
                }

                table.Write(terminal.Writer);
                return ExitCodes.Success;
            }
        }));
        return command;
    }
}
