using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.AI.Tools;

/// <summary>Masks secrets in a tool result before it goes to the model: every string in the content, and the message.</summary>
internal static class ToolResultMasking
{
    public static ToolResult Mask(ToolResult result, StepContext step)
        => result with
        {
            Content = MaskNode(result.Content, step),
            Message = result.Message is null ? null : step.Mask(result.Message),
        };

    /// <summary>A masked copy: the result's tree may be shared with whoever produced it.</summary>
    private static JsonNode? MaskNode(JsonNode? node, StepContext step) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, MaskNode(p.Value, step)))),
        JsonArray array => new JsonArray([.. array.Select(item => MaskNode(item, step))]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(step.Mask(value.GetValue<string>())),
        _ => node?.DeepClone(),
    };
}
