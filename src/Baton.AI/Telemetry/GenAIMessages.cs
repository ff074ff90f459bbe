using System.Text.Json.Nodes;
using Baton.AI.Models;
using Microsoft.Extensions.AI;

namespace Baton.AI.Telemetry;

/// <summary>Writes chat messages in the shape of <c>gen_ai.input.messages</c> and <c>gen_ai.output.messages</c>: role plus typed parts.</summary>
internal static class GenAIMessages
{
    public static string Input(IEnumerable<ChatMessage> messages)
        => new JsonArray(messages.Select(m => (JsonNode)Message(m, finishReason: null)).ToArray()).ToJsonString();

    public static string Output(ChatResponse response)
    {
        var finishReason = response.FinishReason?.Value;
        return new JsonArray(response.Messages.Select(m => (JsonNode)Message(m, finishReason)).ToArray()).ToJsonString();
    }

    private static JsonObject Message(ChatMessage message, string? finishReason)
    {
        var result = new JsonObject
        {
            ["role"] = message.Role.Value,
            ["parts"] = new JsonArray(message.Contents.Select(Part).OfType<JsonNode>().ToArray()),
        };
        if (finishReason is not null)
        {
            result["finish_reason"] = finishReason;
        }

        return result;
    }

    private static JsonObject? Part(AIContent content) => content switch
    {
        TextContent text => new JsonObject { ["type"] = "text", ["content"] = text.Text },
        TextReasoningContent reasoning => new JsonObject { ["type"] = "reasoning", ["content"] = reasoning.Text },
        FunctionCallContent call => new JsonObject
        {
            ["type"] = "tool_call",
            ["id"] = call.CallId,
            ["name"] = call.Name,
            ["arguments"] = call.Arguments is null ? null : JsonValues.ToNode(call.Arguments),
        },
        FunctionResultContent result => new JsonObject
        {
            ["type"] = "tool_call_response",
            ["id"] = result.CallId,
            ["response"] = JsonValues.ToNode(result.Result),
        },
        _ => null,
    };
}
