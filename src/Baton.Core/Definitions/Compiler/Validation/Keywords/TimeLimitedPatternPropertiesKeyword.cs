using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace Baton.Definitions.Compiler.Validation.Keywords;

/// <summary>
/// <c>patternProperties</c>, with names matched within <see cref="SchemaPatterns.MatchTimeout"/>: a match that takes
/// longer fails the value, and stops every other pattern of the evaluation. Builds its subschemas as the library does.
/// </summary>
internal sealed class TimeLimitedPatternPropertiesKeyword : PatternPropertiesKeyword
{
    public override object? ValidateKeywordValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonSchemaException($"'patternProperties' must be a mapping of patterns to schemas; found {value.ValueKind}.");
        }

        var regexes = new List<Regex>();
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
            {
                throw new JsonSchemaException($"'patternProperties' must map each pattern to a schema; '{entry.Name}' maps to {entry.Value.ValueKind}.");
            }

            regexes.Add(SchemaPatterns.Create(entry.Name));
        }

        return regexes;
    }

    public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var options = context.Options as SchemaEvaluationOptions;
        if (context.Instance.ValueKind != JsonValueKind.Object || options?.PatternsStopped == true)
        {
            return KeywordEvaluation.Ignore;
        }

        // The subschemas are built in the order of the patterns, as the regular expressions are.
        var regexes = (List<Regex>)keyword.Value!;
        var patterns = keyword.RawValue.EnumerateObject().Select(p => p.Name).ToList();
        var members = context.Instance.EnumerateObject().ToList();
        var results = new List<EvaluationResults>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < regexes.Count; i++)
        {
            var evaluationPath = context.EvaluationPath.Combine(Name, patterns[i]);
            foreach (var member in members)
            {
                if (!SchemaPatterns.TryMatch(regexes[i], member.Name, out var isMatch))
                {
                    options?.StopPatterns(patterns[i], member.Name);
                    return new KeywordEvaluation { Keyword = Name, IsValid = false, Error = SchemaPatterns.TimedOutError };
                }

                if (!isMatch)
                {
                    continue;
                }

                matched.Add(member.Name);
                var result = keyword.Subschemas[i].Evaluate(context with
                {
                    InstanceLocation = context.InstanceLocation.Combine(member.Name),
                    Instance = member.Value,
                    EvaluationPath = evaluationPath,
                });
                results.Add(result);
                if (context.CanOptimize && !result.IsValid)
                {
                    return new KeywordEvaluation { Keyword = Name, IsValid = false };
                }
            }
        }

        // additionalProperties and unevaluatedProperties read the names matched from this annotation.
        using var annotation = JsonDocument.Parse(new JsonArray([.. matched.Select(n => (JsonNode?)JsonValue.Create(n))]).ToJsonString());
        return new KeywordEvaluation
        {
            Keyword = Name,
            IsValid = results.TrueForAll(r => r.IsValid),
            Details = [.. results],
            Annotation = annotation.RootElement.Clone(),
        };
    }
}
