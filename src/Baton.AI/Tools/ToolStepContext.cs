using System.Text.Json.Nodes;
using Baton.Steps;
using Microsoft.Extensions.Logging;

namespace Baton.AI.Tools;

/// <summary>
/// The context an <c>http</c> or <c>run</c> tool hands to the step executor it reuses: the agent's run and secrets,
/// with the tool call's own path and idempotency key, so that a replayed call carries the same key.
/// </summary>
internal sealed class ToolStepContext(ToolInvocation invocation, JsonNode config, AgentToolEnvironment environment) : StepContext
{
    public override RunId RunId => invocation.Step.RunId;

    public override string WorkflowName => invocation.Step.WorkflowName;

    /// <summary>The last segment of the call's path, such as <c>tool-2-kb_search</c>.</summary>
    public override string StepId => invocation.Path[(invocation.Path.LastIndexOf('/') + 1)..];

    public override string Path => invocation.Path;

    public override int Attempt => invocation.Step.Attempt;

    public override string IdempotencyKey => invocation.IdempotencyKey;

    public override JsonNode? Config => config;

    public override string WorkingDirectory => environment.WorkingDirectory;

    public override TimeProvider TimeProvider => environment.TimeProvider;

    public override ILogger Logger => invocation.Step.Logger;

    public override IServiceProvider Services => invocation.Step.Services;

    public override Definitions.WorkflowDefinition? Definition => invocation.Step.Definition;

    public override string Mask(string text) => invocation.Step.Mask(text);
}
