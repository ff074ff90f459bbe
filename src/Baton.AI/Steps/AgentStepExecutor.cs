using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.AI.Telemetry;
using Baton.AI.Tools;
using Baton.Steps;

namespace Baton.AI.Steps;

/// <summary>
/// The <c>agent</c> step: a model pursues a goal with an explicit allow-list of tools, within a budget. Every model turn
/// and every tool call is a journal entry, so a crash resumes the agent without sending or running anything twice.
/// </summary>
internal sealed class AgentStepExecutor(AIRuntime runtime) : IStepExecutor
{
    public string Kind => "agent";

    public JsonObject? ConfigSchema { get; } = AIStepSchemas.Agent(runtime.Providers.ProviderNames);

    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var config = AgentConfig.Parse(context.Config);
        ModelSession session;
        try
        {
            session = Sessions.Open(runtime, context, config.Model);
        }
        catch (ModelConfigurationException ex)
        {
            return ModelSession.Failure(ex);
        }

        if (config.UsdBudget is not null && session.Settings.Price is null)
        {
            return StepOutcome.Failed(ErrorCodes.InvalidConfig,
                $"agent.budget.usd needs a price for {session.Settings.Model} under 'prices' in baton.yaml: without one the cost is unknown.", retryable: false);
        }

        // The clock starts with the attempt: starting the tools (an MCP server) is time the agent spends too.
        var clock = new AgentClock(runtime.TimeProvider);
        session.Clock = clock;
        using var activity = AITelemetry.StartAgent(context.StepId, session.Settings);
        AgentToolbox toolbox;
        try
        {
            toolbox = await AgentToolbox.CreateAsync(config.Tools, new AgentToolEnvironment
            {
                WorkingDirectory = context.WorkingDirectory,
                Definition = context.Definition,
                Http = runtime.Http,
                Run = runtime.Run,
                Workflows = runtime.Engine is { } engine ? new EngineWorkflowToolHost(engine, context) : null,
                TimeProvider = runtime.TimeProvider,
                Logger = runtime.Logger,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolConfigurationException ex)
        {
            return StepOutcome.Failed(ErrorCodes.InvalidConfig, context.Mask(ex.Message), retryable: false);
        }
        catch (ToolServerException ex)
        {
            return StepOutcome.Failed(AIErrorCodes.ToolFailed, context.Mask(ex.Message), retryable: true);
        }

        await using (toolbox.ConfigureAwait(false))
        {
            try
            {
                return await new AgentLoop(config, session, toolbox, context, clock).RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ModelCallException ex)
            {
                AITelemetry.RecordError(activity, ex);
                return ModelSession.Failure(ex);
            }
        }
    }
}
