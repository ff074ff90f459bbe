using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>Resolves plain scalars by the YAML 1.2 core schema: <c>true</c> is a boolean, <c>"true"</c> a string, <c>yes</c> a string.</summary>
internal static partial class CoreSchema
{
    public const string StrTag = "tag:yaml.org,2002:str";

    private static readonly Dictionary<string, ScalarKind> TagKinds = new(StringComparer.Ordinal)
    {
        ["tag:yaml.org,2002:null"] = ScalarKind.Null,
        ["tag:yaml.org,2002:bool"] = ScalarKind.Boolean,
        ["tag:yaml.org,2002:int"] = ScalarKind.Integer,
        ["tag:yaml.org,2002:float"] = ScalarKind.Float,
    };

    public static ScalarKind Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when IntegerPattern().IsMatch(plain) => ScalarKind.Integer,
        _ when FloatPattern().IsMatch(plain) => ScalarKind.Float,
        _ => ScalarKind.String,
    };

    /// <summary>The kind an explicit core tag asks for; null for a tag outside the core schema.</summary>
    public static ScalarKind? KindOfTag(string tag)
        => tag == StrTag ? ScalarKind.String : TagKinds.TryGetValue(tag, out var kind) ? kind : null;

    /// <summary>True for <c>.inf</c> and <c>.nan</c>, which YAML allows and JSON cannot hold.</summary>
    public static bool IsNonFinite(string plain) => NonFinitePattern().IsMatch(plain);

    public static JsonNode? ToJson(string text, ScalarKind kind) => kind switch
    {
        ScalarKind.Null => null,
        ScalarKind.Boolean => JsonValue.Create(text is "true" or "True" or "TRUE"),
        ScalarKind.Integer => NumberValue(text),
        ScalarKind.Float when !IsNonFinite(text) => NumberValue(text),
        _ => JsonValue.Create(text),
    };

    /// <summary>The integer value of an integer scalar, when it fits in 64 bits.</summary>
    public static long? ToInt64(string text)
    {
        if (text.StartsWith("0x", StringComparison.Ordinal))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 ? hex : null;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal))
        {
            long value = 0;
            foreach (var c in text.AsSpan(2))
            {
                if (value > (long.MaxValue >> 3))
                {
                    return null;
                }

                value = (value << 3) + (c - '0');
            }

            return value;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result) ? result : null;
    }

    /// <summary>The nearest double to an integer or float scalar, however large: infinity past the range of a double, NaN for <c>.inf</c> and <c>.nan</c>.</summary>
    public static double ToDouble(string text)
    {
        if (!text.StartsWith("0x", StringComparison.Ordinal) && !text.StartsWith("0o", StringComparison.Ordinal))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
        }

        var radix = text[1] == 'x' ? 16 : 8;
        var value = 0.0;
        foreach (var c in text.AsSpan(2))
        {
            value = (value * radix) + (char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
        }

        return value;
    }

    private static JsonNode? NumberValue(string text)
    {
        // A number already written as JSON keeps its exact text, however long: values pass through unrounded.
        if (JsonNumberPattern().IsMatch(text))
        {
            return JsonNode.Parse(text);
        }

        if (ToInt64(text) is { } integer)
        {
            return JsonValue.Create(integer);
        }

        var approximate = ToDouble(text);
        return double.IsFinite(approximate) ? JsonValue.Create(approximate) : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumberPattern();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NonFinitePattern();
}
