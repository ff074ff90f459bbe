using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.Extensions.Logging;

namespace Baton.Engine;

internal sealed class EngineStepContext(
    EngineServices services,
    Definitions.WorkflowDefinition definition,
    RunId runId,
    string workflowName,
    string stepId,
    string path,
    int attempt,
    JsonNode? config,
    string workingDirectory) : StepContext
{
    public override RunId RunId => runId;

    public override string WorkflowName => workflowName;

    public override string StepId => stepId;

    public override string Path => path;

    public override int Attempt => attempt;

    public override string IdempotencyKey => $"{runId}:{path}";

    public override JsonNode? Config => config;

    public override string WorkingDirectory => workingDirectory;

    public override TimeProvider TimeProvider => services.TimeProvider;

    public override ILogger Logger => services.Logger;

    public override IServiceProvider Services => services.Services;

    public override string Mask(string text) => services.Masker.MaskText(text);

    public override Definitions.WorkflowDefinition Definition => definition;

    /// <summary>The attempt's journal; null only for contexts built outside an attempt.</summary>
    public JournalChannel? Journal { get; init; }

    public override Task<JournalEntry> RunOnceAsync(
        string name, string kind, Func<CancellationToken, Task<JournalEntry>> work, JournalCommit commit, CancellationToken cancellationToken)
        => Journal is null
            ? base.RunOnceAsync(name, kind, work, commit, cancellationToken)
            : Journal.RunOnceAsync(name, kind, work, commit, services.TimeProvider, cancellationToken);
}
