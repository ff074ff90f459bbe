using System.Diagnostics;
using System.Diagnostics.Metrics;
using Baton.AI.Models;

namespace Baton.AI.Telemetry;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> of the AI steps, named <c>Baton.AI</c>, with spans that follow the
/// OpenTelemetry GenAI semantic conventions: <c>chat {model}</c> per model call, <c>execute_tool {name}</c> per tool call and
/// <c>invoke_agent {name}</c> per agent step.
/// </summary>
/// <remarks>Spans never carry API keys. Prompt and completion text is added only when content capture is opted in.</remarks>
public static class AITelemetry
{
    /// <summary>The name of the <see cref="Source"/> and the meter: <c>Baton.AI</c>. Add it to OpenTelemetry's sources to collect AI spans.</summary>
    public const string SourceName = "Baton.AI";

    private static readonly string? Version = typeof(AITelemetry).Assembly.GetName().Version?.ToString();

    /// <summary>The source of every AI span.</summary>
    public static ActivitySource Source { get; } = new(SourceName, Version);

    internal static Meter Meter { get; } = new(SourceName, Version);

    /// <summary>The GenAI client metric <c>gen_ai.client.operation.duration</c>, in seconds.</summary>
    internal static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", unit: "s", description: "Duration of model calls.");

    /// <summary>The GenAI client metric <c>gen_ai.client.token.usage</c>, tagged with <c>gen_ai.token.type</c> (<c>input</c> or <c>output</c>).</summary>
    internal static Histogram<long> TokenUsage { get; } = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", unit: "{token}", description: "Tokens used by model calls.");

    /// <summary>Starts an <c>execute_tool {name}</c> span for one tool call; null when nobody listens.</summary>
    /// <param name="toolName">The tool's name as the model called it.</param>
    /// <param name="callId">The model's id for the call, when it gave one.</param>
    public static Activity? StartTool(string toolName, string? callId)
    {
        ArgumentNullException.ThrowIfNull(toolName);
        var activity = Source.StartActivity($"{GenAIAttributes.ExecuteToolOperation} {toolName}", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(GenAIAttributes.OperationName, GenAIAttributes.ExecuteToolOperation);
        activity.SetTag(GenAIAttributes.ToolName, toolName);
        activity.SetTag(GenAIAttributes.ToolType, "function");
        if (callId is not null)
        {
            activity.SetTag(GenAIAttributes.ToolCallId, callId);
        }

        return activity;
    }

    /// <summary>Starts an <c>invoke_agent {name}</c> span for one agent step; null when nobody listens.</summary>
    /// <param name="agentName">The agent's name: the step's id.</param>
    /// <param name="model">The model the agent uses, when it is known.</param>
    public static Activity? StartAgent(string agentName, ModelSettings? model)
    {
        ArgumentNullException.ThrowIfNull(agentName);
        var activity = Source.StartActivity($"{GenAIAttributes.InvokeAgentOperation} {agentName}", ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(GenAIAttributes.OperationName, GenAIAttributes.InvokeAgentOperation);
        activity.SetTag(GenAIAttributes.AgentName, agentName);
        if (model is not null)
        {
            activity.SetTag(GenAIAttributes.ProviderName, model.Model.Provider);
            activity.SetTag(GenAIAttributes.RequestModel, model.Model.Model);
        }

        return activity;
    }

    /// <summary>Marks a span as failed with the semantic conventions' <c>error.type</c>: Baton's error code when there is one, else the exception's type.</summary>
    internal static void RecordError(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(GenAIAttributes.ErrorType, ErrorType(exception));

        // Baton's own messages are written to be safe to show; other exceptions may quote URLs or payloads.
        activity.SetStatus(ActivityStatusCode.Error, exception is BatonException ? exception.Message : null);
    }

    internal static string ErrorType(Exception exception) => exception switch
    {
        ModelCallException call => call.Code,
        ModelConfigurationException => AIErrorCodes.Configuration,
        OperationCanceledException => "cancelled",
        _ => exception.GetType().FullName ?? "error",
    };
}
