using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary><c>pattern</c>, matched within <see cref="SchemaPatterns.MatchTimeout"/>: a match that takes longer fails the value, and stops every other pattern of the evaluation.</summary>
internal sealed class TimeLimitedPatternKeyword : IKeywordHandler
{
    public string Name => "pattern";

    public object? ValidateKeywordValue(JsonElement value)
        => value.ValueKind == JsonValueKind.String
            ? SchemaPatterns.Create(value.GetString()!)
            : throw new JsonSchemaException($"'pattern' must be a string; found {value.ValueKind}.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var options = context.Options as SchemaEvaluationOptions;
        if (context.Instance.ValueKind != JsonValueKind.String || options?.PatternsStopped == true)
        {
            return KeywordEvaluation.Ignore;
        }

        var regex = (Regex)keyword.Value!;
        if (!SchemaPatterns.TryMatch(regex, context.Instance.GetString()!, out var valid))
        {
            options?.StopPatterns(keyword.RawValue.GetString()!, null);
            return new KeywordEvaluation { Keyword = Name, IsValid = false, Error = SchemaPatterns.TimedOutError };
        }

        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : $"The string does not match the pattern {regex}" };
    }
}
