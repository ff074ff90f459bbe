using System.Diagnostics;

namespace Baton.AI.Tools;

/// <summary>The <c>execute_tool {name}</c> span of one tool call, after the OpenTelemetry GenAI conventions.</summary>
internal static class ToolActivity
{
    /// <summary>The source of every Baton AI span.</summary>
    /// <remarks>Kept here until the shared AI telemetry helper exists; the name is the same, so listeners see one source.</remarks>
    private static readonly ActivitySource Source = new("Baton.AI");

    public static Activity? Start(string toolName, string callId)
    {
        var activity = Source.StartActivity($"execute_tool {toolName}", ActivityKind.Internal);
        activity?.SetTag("gen_ai.operation.name", "execute_tool");
        activity?.SetTag("gen_ai.tool.name", toolName);
        activity?.SetTag("gen_ai.tool.call.id", callId);
        return activity;
    }

    public static void Complete(Activity? activity, ToolResult result)
    {
        if (activity is null || !result.IsError)
        {
            return;
        }

        activity.SetTag("error.type", result.ErrorCode ?? ToolErrorCodes.Failed);
        activity.SetStatus(ActivityStatusCode.Error, result.ErrorCode);
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        activity?.SetTag("error.type", exception.GetType().FullName);
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }
}
