using System.Collections.Frozen;

namespace Baton.Expressions.Functions;

/// <summary>Every built-in function, by its case-sensitive name.</summary>
internal static class FunctionTable
{
    private const int Any = FunctionDefinition.Unbounded;

    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = new FunctionDefinition[]
    {
        new("toJson", 1, 1, ConversionFunctions.ToJson),
        new("fromJson", 1, 1, ConversionFunctions.FromJson),
        new("string", 1, 1, ConversionFunctions.String),
        new("number", 1, 1, ConversionFunctions.Number),
        new("bool", 1, 1, ConversionFunctions.Bool),
        new("len", 1, 1, ConversionFunctions.Len),
        new("contains", 2, 2, SearchFunctions.Contains),
        new("startsWith", 2, 2, TextFunctions.StartsWith),
        new("endsWith", 2, 2, TextFunctions.EndsWith),
        new("lower", 1, 1, TextFunctions.Lower),
        new("upper", 1, 1, TextFunctions.Upper),
        new("trim", 1, 1, TextFunctions.Trim),
        new("replace", 3, 3, TextFunctions.Replace),
        new("split", 2, 2, TextFunctions.Split),
        new("join", 1, 2, FormatFunctions.Join),
        new("substring", 2, 3, TextFunctions.Substring),
        new("indexOf", 2, 2, SearchFunctions.IndexOf),
        new("format", 1, Any, FormatFunctions.Format),
        new("matches", 2, 2, TextFunctions.Matches),
        new("coalesce", 1, Any, CollectionFunctions.Coalesce),
        new("keys", 1, 1, CollectionFunctions.Keys),
        new("values", 1, 1, CollectionFunctions.Values),
        new("first", 1, 1, CollectionFunctions.First),
        new("last", 1, 1, CollectionFunctions.Last),
        new("slice", 2, 3, CollectionFunctions.Slice),
        new("distinct", 1, 1, ListFunctions.Distinct),
        new("reverse", 1, 1, ListFunctions.Reverse),
        new("sort", 1, 1, ListFunctions.Sort),
        new("flatten", 1, 1, ListFunctions.Flatten),
        new("sum", 1, 1, MathFunctions.Sum),
        new("avg", 1, 1, MathFunctions.Avg),
        new("min", 1, Any, MathFunctions.Min),
        new("max", 1, Any, MathFunctions.Max),
        new("round", 1, 2, MathFunctions.Round),
        new("floor", 1, 1, MathFunctions.Floor),
        new("ceil", 1, 1, MathFunctions.Ceil),
        new("abs", 1, 1, MathFunctions.Abs),
        new("now", 0, 0, TimeFunctions.Now),
        new("addDuration", 2, 2, TimeFunctions.AddDuration),
        new("formatTime", 2, 2, TimeFunctions.FormatTime),
        new("base64Encode", 1, 1, EncodingFunctions.Base64Encode),
        new("base64Decode", 1, 1, EncodingFunctions.Base64Decode),
        new("urlEncode", 1, 1, EncodingFunctions.UrlEncode),
        new("sha256", 1, 1, EncodingFunctions.Sha256),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Functions.Keys;

    public static bool TryGet(string name, out FunctionDefinition function) => Functions.TryGetValue(name, out function!);

    /// <summary>The closest known name, for "did you mean" hints: same letters in another case, or a few edits away.</summary>
    public static string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in Functions.Keys)
        {
            var distance = string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, candidate);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Min(3, Math.Max(1, name.Length / 2)) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
