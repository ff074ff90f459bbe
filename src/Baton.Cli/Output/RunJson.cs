using System.Globalization;
using System.Text.Json.Nodes;
using Baton.AI.Usage;
using Baton.Engine;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Cli.Output;

/// <summary>The JSON shapes of runs, steps and timeline events that <c>--json</c> prints. Stable: scripts rely on them.</summary>
internal static class RunJson
{
    public static JsonObject Result(RunRecord run, IReadOnlyList<StepExecutionRecord> steps)
    {
        var usage = AIUsage.PerStep(steps);
        var result = new JsonObject
        {
            ["runId"] = run.Id.Value,
            ["workflow"] = run.WorkflowName,
            ["status"] = Status(run.Status),
            ["output"] = run.Output?.DeepClone(),
            ["error"] = Error(run.Error),
            ["steps"] = new JsonArray([.. steps.OrderBy(s => s.Seq).Select(s => Step(s, usage))]),
        };
        if (AIUsage.Totals(usage) is { } totals)
        {
            result["ai"] = totals;
        }

        return result;
    }

    public static JsonObject Details(RunDetails details)
    {
        var run = details.Run;
        var result = Result(run, details.Steps);
        result["definitionHash"] = run.DefinitionHash;
        result["inputs"] = run.Inputs.DeepClone();
        result["vars"] = run.Vars.DeepClone();
        result["createdAt"] = Time(run.CreatedAt);
        result["updatedAt"] = Time(run.UpdatedAt);
        result["completedAt"] = Time(run.CompletedAt);
        result["parentRunId"] = run.ParentRunId?.Value;
        result["timeline"] = new JsonArray([.. details.Timeline.Select(Event)]);
        return result;
    }

    public static JsonObject Summary(RunRecord run) => new()
    {
        ["runId"] = run.Id.Value,
        ["workflow"] = run.WorkflowName,
        ["status"] = Status(run.Status),
        ["createdAt"] = Time(run.CreatedAt),
        ["updatedAt"] = Time(run.UpdatedAt),
        ["completedAt"] = Time(run.CompletedAt),
        ["error"] = Error(run.Error),
    };

    private static JsonObject Step(StepExecutionRecord step, IReadOnlyDictionary<long, StepUsage> usage)
    {
        var json = StepCore(step);
        if (usage.TryGetValue(step.Seq, out var used))
        {
            AIUsage.AddTo(json, used);
        }

        return json;
    }

    private static JsonObject StepCore(StepExecutionRecord step) => new()
    {
        ["id"] = step.StepId,
        ["path"] = step.Path,
        ["kind"] = step.Kind,
        ["status"] = RunStateNames.Step(step.Status),
        ["attempts"] = step.Attempts,
        ["startedAt"] = Time(step.StartedAt),
        ["endedAt"] = Time(step.EndedAt),
        ["durationMs"] = step.StartedAt is { } s && step.EndedAt is { } e ? (long)Math.Round((e - s).TotalMilliseconds) : null,
        ["error"] = Error(step.Error),
        ["actor"] = step.Actor,
    };

    public static JsonObject Event(TimelineEvent e) => new()
    {
        ["seq"] = e.Seq,
        ["at"] = Time(e.At),
        ["type"] = e.Type,
        ["path"] = e.Path,
        ["attempt"] = e.Attempt,
        ["actor"] = e.Actor,
        ["message"] = e.Message,
        ["data"] = e.Data?.DeepClone(),
    };

    /// <summary>A signal delivered to a run and not consumed, for <c>show --json</c>'s <c>pendingSignals</c>; <paramref name="runEnded"/> says it never will be.</summary>
    public static JsonObject Signal(SignalRecord signal, bool runEnded) => new()
    {
        ["kind"] = SignalKind(signal.Kind),
        ["name"] = signal.Name,
        ["target"] = signal.Target,
        ["actor"] = signal.Actor,
        ["at"] = Time(signal.CreatedAt),
        ["data"] = signal.Data?.DeepClone(),
        ["neverConsumed"] = runEnded,
    };

    public static string SignalKind(SignalKind kind) => kind switch
    {
        Storage.SignalKind.Event => "event",
        Storage.SignalKind.Approval => "approval",
        Storage.SignalKind.Cancel => "cancel",
        Storage.SignalKind.ChildCompleted => "child-completed",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Status(RunStatus status) => RunStateNames.Run(status);

    private static JsonObject? Error(ErrorInfo? error)
        => error is null ? null : new JsonObject { ["code"] = error.Code, ["message"] = error.Message, ["details"] = error.Details?.DeepClone() };

    private static string? Time(DateTimeOffset? time)
        => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
