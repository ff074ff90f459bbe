using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Baton.Cli.Output;
using Baton.Cli.Runs;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Commands;

internal static class ShowCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("run") { Description = "The run id." }.NotBlank();
        var json = CommonOptions.Json();
        var store = CommonOptions.Store();
        var command = new Command("show", "Show a run's steps and timeline: every attempt of every step, with its times, its error, and who or what acted; and the signals it has not consumed yet.") { runArgument, json, store };
        command.SetAction((parse, ct) => CliErrors.GuardAsync(async () =>
        {
            var host = await CliHost.OpenAsync(StoreLocation.Resolve(parse.GetValue(store)), null, true, null, ct).ConfigureAwait(false);
            await using (host.ConfigureAwait(false))
            {
                var runId = new RunId(parse.GetValue(runArgument)!);
                var details = await host.Engine.GetRunAsync(runId, ct).ConfigureAwait(false) ?? throw new RunNotFoundException(runId);
                var pending = await host.Store.GetPendingSignalsAsync(runId, ct).ConfigureAwait(false);
                var approvals = details.Run.IsTerminal ? [] : await WaitingApproval.FindAsync(host.Store, runId, ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    var document = RunJson.Details(details);
                    document["pendingSignals"] = new JsonArray([.. pending.Select(s => (JsonNode)RunJson.Signal(s, details.Run.IsTerminal))]);
                    JsonOutput.Write(Console.Out, document);
                }
                else
                {
                    Print(Terminal.Stdout, details, pending, approvals);
                }

                return ExitCodes.Success;
            }
        }));
        return command;
    }

    private static void Print(Terminal t, RunDetails details, IReadOnlyList<SignalRecord> pending, IReadOnlyList<WaitingApproval> approvals)
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
            timeline.Add(Clock(e.At), e.Type, e.Path ?? "", e.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "", e.Actor ?? "", Detail(e));
        }

        timeline.Write(t.Writer, "  ");
        PrintPendingSignals(t, pending, run.IsTerminal);
        if (run.Output is not null)
        {
            t.Line();
            t.Line(t.Bold("Output"));
            JsonOutput.Write(t.Writer, run.Output);
        }

        foreach (var approval in approvals)
        {
            var step = approval.Step;
            t.Line();
            t.Line($"{t.Yellow("Waiting for approval")} {step.Path}{(approval.InChild ? $" in child run {approval.RunId}" : "")}: {step.State?["title"]}");
            t.Line($"  data {JsonOutput.Inline(step.State?["data"])}");
            t.Line(t.Dim($"  {approval.Command("approve")} [--comment TEXT] [--data JSON]   |   {approval.Command("reject")}"));
        }
    }

    /// <summary>
    /// Signals delivered but not consumed: an event no wait has listened for (perhaps a mistyped name), a decision or
    /// cancellation still to be applied. Once the run has ended, nothing will consume them.
    /// </summary>
    private static void PrintPendingSignals(Terminal t, IReadOnlyList<SignalRecord> pending, bool runEnded)
    {
        if (pending.Count == 0)
        {
            return;
        }

        t.Line();
        t.Line(runEnded
            ? t.Bold("Signals never consumed") + t.Dim("  (delivered, but the run ended before a step took them)")
            : t.Bold("Pending signals") + t.Dim("  (delivered, not consumed yet)"));
        var table = new TextTable("SENT", "KIND", "NAME", "STEP", "FROM");
        foreach (var signal in pending.OrderBy(s => s.Id))
        {
            table.Add(Time(signal.CreatedAt), RunJson.SignalKind(signal.Kind), signal.Name, signal.Target ?? "", signal.Actor ?? "");
        }

        table.Write(t.Writer, "  ");
    }

    private static string Status(Terminal t, string status) => status switch
    {
        "completed" => t.Green(status),
        "failed" or "cancelled" => t.Red(status),
        _ => t.Yellow(status),
    };

    /// <summary>The event's message, and the duration a step's end carries (a compensation's end, its compensation's).</summary>
    private static string Detail(TimelineEvent e)
        => ProgressPrinter.RecordedDuration(e) is { } duration
            ? $"{e.Message}{(e.Message is null ? "" : "  ")}({RunDriverFormatting.Duration(duration)})"
            : e.Message ?? "";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
