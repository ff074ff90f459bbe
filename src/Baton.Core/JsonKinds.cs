using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton;

/// <summary>Names a JSON value's kind the way the workflow language does, for messages: "a mapping", "a list", "null".</summary>
internal static class JsonKinds
{
    public static string Describe(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "a mapping",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
