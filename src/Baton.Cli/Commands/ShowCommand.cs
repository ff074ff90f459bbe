using System.CommandLine;
using System.Globalization;
using Baton.Cli.Output;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." };
        var json = CommonOptions.Json();
        var command = new Command("show", "Show a run's steps and timeline: every attempt of every step, with its times, its error, and who or what acted.") { runArgument, json };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(CommonOptions.Store)), null, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runId = new RunId(parse.GetValue(runArgument)!);
                var details = await host.Engine.GetRunAsync(runId, ct).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(Console.Out, RunJson.Details(details));
                }
                else
                {
                    Print(Terminal.Stdout, details);
                }

                return ExitCodes.Success;
            }
        }));
        return command;
    }

    private static void Print(Terminal t, RunDetails details)
    {
        var run = details.Run;
        t.Line($"{t.Bold("Run")} {run.Id}  {t.Bold(run.WorkflowName)}  {Status(t, RunStateNames.Run(run.Status))}");
        t.Line($"  definition {run.DefinitionHash[..12]}  started {Time(run.CreatedAt)}  " +
            (run.CompletedAt is { } done ? $"ended {Time(done)} ({RunDriverFormatting.Duration(done - run.CreatedAt)})" : $"updated {Time(run.UpdatedAt)}"));
        if (run.ParentRunId is { } parent)
        {
            t.Line($"  child of run {parent}");
        }

        t.Line($"  inputs {JsonOutput.Inline(run.Inputs)}");
        if (run.Error is { } error)
        {
            t.Line($"  {t.Red("error")} {error.Code}: {error.Message}");
        }

        t.Line();
        t.Line(t.Bold("Steps"));
        var steps = new TextTable("PATH", "KIND", "STATUS", "ATTEMPTS", "STARTED", "DURATION", "ACTOR", "ERROR");
        foreach (var step in details.Steps.OrderBy(s => s.Seq))
        {
            steps.Add(step.Path, step.Kind, RunStateNames.Step(step.Status), step.Attempts.ToString(CultureInfo.InvariantCulture),
                step.StartedAt is { } s ? Clock(s) : "",
                step.StartedAt is { } a && step.EndedAt is { } b ? RunDriverFormatting.Duration(b - a) : "",
                step.Actor ?? "",
                step.Error is { } e && step.Status != StepStatus.Completed ? $"{e.Code}: {e.Message}" : "");
        }

        steps.Write(t.Writer, "  ");
        AIUsage.Print(t, details.Steps);
        t.Line();
        t.Line(t.Bold("Timeline"));
        var timeline = new TextTable("TIME", "EVENT", "PATH", "ATTEMPT", "ACTOR", "DETAIL");
        foreach (var e in details.Timeline)
        {
            timeline.Add(Clock(e.At), e.Type, e.Path ?? "", e.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor ?? "", e.Message ?? "");
        }

        timeline.Write(t.Writer, "  ");
        if (run.Output is not null)
        {
            t.Line();
            t.Line(t.Bold("Output"));
            JsonOutput.Write(t.Writer, run.Output);
        }

        var waiting = details.Steps.Where(s => s.Status == StepStatus.Waiting && s.Kind == "approval").ToList();
        foreach (var approval in waiting)
        {
            t.Line();
            t.Line($"{t.Yellow("Waiting for approval")} {approval.Path}: {approval.State?["title"]}");
            t.Line($"  data {JsonOutput.Inline(approval.State?["data"])}");
            t.Line(t.Dim($"  baton approve {run.Id} {approval.Path} [--comment TEXT] [--data JSON]   |   baton reject {run.Id} {approval.Path}"));
        }
    }

    private static string Status(Terminal t, string status) => status switch
    {
        "completed" => t.Green(status),
        "failed" or "cancelled" => t.Red(status),
        _ => t.Yellow(status),
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
