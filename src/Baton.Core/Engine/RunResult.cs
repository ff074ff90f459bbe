using System.Text.Json.Nodes;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Where a run stands after the engine drove it as far as it could.</summary>
public sealed record RunResult(RunId RunId, RunStatus Status, JsonNode? Output, ErrorInfo? Error)
{
    public bool IsTerminal => Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled;

    internal static RunResult From(RunRecord run) => new(run.Id, run.Status, run.Output, run.Error);
}
