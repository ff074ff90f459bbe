using System.Text.Json;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary><c>type</c>, with <c>integer</c> decided on the number's exact value: <c>1.0</c> and <c>1e2</c> are integers, <c>1.0000000000000000000000000001</c> is not.</summary>
internal sealed class ExactTypeKeyword : IKeywordHandler
{
    private static readonly string[] Names = ["array", "boolean", "integer", "null", "number", "object", "string"];

    public string Name => "type";

    public object? ValidateKeywordValue(JsonElement value)
    {
        var valid = value.ValueKind switch
        {
            JsonValueKind.String => Names.Contains(value.GetString()),
            JsonValueKind.Array => value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && Names.Contains(t.GetString())),
            _ => false,
        };
        return valid ? null : throw new JsonSchemaException($"'type' must be one of {string.Join(", ", Names)}, or a list of them; found {value.GetRawText()}.");
    }

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var allowed = keyword.RawValue.ValueKind == JsonValueKind.Array
            ? keyword.RawValue.EnumerateArray().Select(t => t.GetString()!)
            : [keyword.RawValue.GetString()!];
        var instance = context.Instance;
        var valid = allowed.Any(type => Matches(type, instance));
        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : $"Value is not of type {keyword.RawValue.GetRawText()}" };
    }

    private static bool Matches(string type, JsonElement instance) => type switch
    {
        "array" => instance.ValueKind == JsonValueKind.Array,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => instance.ValueKind == JsonValueKind.Number && JsonNumbers.IsInteger(instance.GetRawText()),
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "object" => instance.ValueKind == JsonValueKind.Object,
        _ => instance.ValueKind == JsonValueKind.String,
    };
}
