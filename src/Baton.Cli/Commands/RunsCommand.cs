using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class RunsCommand
{
    /// <summary>The most runs the store returns at once; longer lists are read in pages.</summary>
    private const int PageSize = 1000;

    public static Command Create()
    {
        var status = new Option<string?>("--status") { Description = "Only runs with this status: running, waiting, completed, failed or cancelled." };
        var workflow = new Option<string?>("--workflow") { Description = "Only runs of this workflow." }.NotBlank();
        var limit = new Option<int>("--limit") { Description = "The most runs to list, newest first (1 to 10,000).", DefaultValueFactory = _ => 50 }.Between(1, 10_000);
        var json = CommonOptions.Json();
        var store = CommonOptions.Store();
        var command = new Command("runs", "List runs, newest first.") { status, workflow, limit, json, store };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            RunStatus? filter = null;
            if (parse.GetValue(status) is { } text)
            {
                filter = RunStateNames.TryParseRun(text, out var parsed)
                    ? parsed
                    : throw new UsageException($"--status '{text}' is not a status; use running, waiting, completed, failed or cancelled.");
            }

            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), null, true, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var query = new RunQuery { Status = filter, WorkflowName = parse.GetValue(workflow) };
                var runs = await ListAsync(host.Engine, query, parse.GetValue(limit), ct).ConfigureAwait(false);
                var terminal = Terminal.Stdout;
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(terminal.Writer, new JsonArray([.. runs.Select(r => (JsonNode)RunJson.Summary(r))]));
                    return ExitCodes.Success;
                }

                if (runs.Count == 0)
                {
                    var filtered = query.Status is not null || query.WorkflowName is not null;
                    var any = filtered && (await host.Engine.ListRunsAsync(new RunQuery { Limit = 1 }, ct).ConfigureAwait(false)).Count > 0;
                    terminal.Line(any
                        ? $"No runs match {Filters(query)} in {host.StorePath}. '{CliName.Command("runs")}' without filters lists them all."
                        : $"No runs yet in {host.StorePath}.");
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

    private static async Task<List<RunRecord>> ListAsync(BatonEngine engine, RunQuery query, int limit, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        while (runs.Count < limit)
        {
            var page = await engine.ListRunsAsync(query with { Limit = Math.Min(PageSize, limit - runs.Count), Before = runs.Count == 0 ? null : runs[^1].Id }, cancellationToken).ConfigureAwait(false);
            runs.AddRange(page);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        return runs;
    }

    private static string Filters(RunQuery query)
        => string.Join(" and ", new[]
        {
            query.Status is { } s ? $"--status {RunStateNames.Run(s)}" : null,
            query.WorkflowName is { } w ? $"--workflow {w}" : null,
        }.Where(f => f is not null));
}
