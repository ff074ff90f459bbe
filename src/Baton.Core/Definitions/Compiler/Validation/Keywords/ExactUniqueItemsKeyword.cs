using System.Text.Json;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary><c>uniqueItems</c>, compared with <see cref="JsonEquality"/>: <c>[{"a": 1}, {"a": 1.0}]</c> repeats an item.</summary>
internal sealed class ExactUniqueItemsKeyword : IKeywordHandler
{
    public string Name => "uniqueItems";

    public object? ValidateKeywordValue(JsonElement value)
        => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : throw new JsonSchemaException($"'uniqueItems' must be true or false; found {value.ValueKind}.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (keyword.RawValue.ValueKind != JsonValueKind.True || context.Instance.ValueKind != JsonValueKind.Array)
        {
            return new KeywordEvaluation { Keyword = Name, IsValid = true };
        }

        var items = context.Instance.EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                if (JsonEquality.AreEqual(items[i], items[j]))
                {
                    return new KeywordEvaluation { Keyword = Name, IsValid = false, Error = $"Items {i} and {j} are equal" };
                }
            }
        }

        return new KeywordEvaluation { Keyword = Name, IsValid = true };
    }
}
