using System.Text.Json;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary><c>enum</c>, compared with <see cref="JsonEquality"/>: <c>enum: ["1"]</c> does not accept the number 1, and numbers of any size compare exactly.</summary>
internal sealed class ExactEnumKeyword : IKeywordHandler
{
    public string Name => "enum";

    public object? ValidateKeywordValue(JsonElement value)
        => value.ValueKind == JsonValueKind.Array ? null : throw new JsonSchemaException($"'enum' must be a list of values; found {value.ValueKind}.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var instance = context.Instance;
        var valid = keyword.RawValue.EnumerateArray().Any(value => JsonEquality.AreEqual(instance, value));
        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : "Value is not one of the enum values" };
    }
}
