using System.Diagnostics;
using Baton.AI.Telemetry;

namespace Baton.AI.Tools;

/// <summary>The <c>execute_tool {name}</c> span of one tool call, on <see cref="AITelemetry.Source"/>, after the OpenTelemetry GenAI conventions.</summary>
/// <remarks><c>error.type</c> is the code the user sees on the tool call (<c>http.status.404</c>, <c>tool.invalid-arguments</c>), or <c>cancelled</c>.</remarks>
internal static class ToolActivity
{
    public static Activity? Start(string toolName, string callId) => AITelemetry.StartTool(toolName, callId);

    public static void Complete(Activity? activity, ToolResult result)
    {
        if (activity is null || !result.IsError)
        {
            return;
        }

        var code = result.ErrorCode ?? ToolErrorCodes.Failed;
        activity.SetTag(GenAIAttributes.ErrorType, code);
        activity.SetStatus(ActivityStatusCode.Error, code);
    }

    public static void Fail(Activity? activity, Exception exception) => AITelemetry.RecordError(activity, exception);
}
