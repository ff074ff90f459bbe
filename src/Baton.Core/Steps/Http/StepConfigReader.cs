using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>
/// Reads a rendered step configuration. Templates can render to any JSON value, so every read checks the type and
/// throws a <see cref="StepFailedException"/> with code <c>config.invalid</c> whose message names the field's path.
/// </summary>
/// <remarks>Shared by the <c>http</c> and <c>run</c> kinds. Messages may quote values; callers mask them before they leave the executor.</remarks>
internal static class StepConfigReader
{
    public static JsonObject RequireObject(JsonNode? node, string path, IReadOnlyCollection<string> knownKeys)
    {
        if (node is not JsonObject config)
        {
            throw Invalid($"{path} must be a mapping, not {Describe(node)}.");
        }

        foreach (var (key, _) in config)
        {
            if (!knownKeys.Contains(key))
            {
                throw Invalid($"{path}.{key} is not a known key; use one of: {string.Join(", ", knownKeys)}.");
            }
        }

        return config;
    }

    /// <summary>Reads a string that must be present and not empty.</summary>
    public static string RequireString(JsonObject config, string key, string path)
    {
        var fieldPath = $"{path}.{key}";
        if (!config.TryGetPropertyValue(key, out var node))
        {
            throw Invalid($"{fieldPath} is required.");
        }

        var text = AsString(node, fieldPath);
        if (text.Length == 0)
        {
            throw Invalid($"{fieldPath} must not be empty.");
        }

        return text;
    }

    /// <summary>Reads an optional string; an absent key and a null value both mean "not given".</summary>
    public static string? OptionalString(JsonObject config, string key, string path)
    {
        var node = config[key];
        return node is null ? null : AsString(node, $"{path}.{key}");
    }

    public static string AsString(JsonNode? node, string path)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw Invalid($"{path} must be a string, not {Describe(node)}.");
    }

    /// <summary>Reads a string, number or boolean as text (numbers in their JSON form); null stays null.</summary>
    public static string? AsScalarText(JsonNode? node, string path)
    {
        switch (node?.GetValueKind())
        {
            case null:
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return node.GetValue<string>();
            case JsonValueKind.Number:
                return node.ToJsonString();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                throw Invalid($"{path} must be a string, not {Describe(node)}.");
        }
    }

    /// <summary>Reads an optional integer within bounds; an absent key and a null value give <paramref name="defaultValue"/>.</summary>
    public static int OptionalInteger(JsonObject config, string key, string path, int defaultValue, int min, int max)
    {
        var node = config[key];
        if (node is null)
        {
            return defaultValue;
        }

        if (!TryGetInteger(node, out var number) || number < min || number > max)
        {
            throw Invalid($"{path}.{key} must be an integer from {min} to {max}, not {DescribeValue(node)}.");
        }

        return (int)number;
    }

    public static bool TryGetInteger(JsonNode? node, out long number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        // The JSON text is the one form every JsonValue flavour (parsed element, boxed long, double) shares.
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsInteger(real) && real >= long.MinValue && real <= long.MaxValue)
        {
            number = (long)real;
            return true;
        }

        return false;
    }

    /// <summary>Describes a value's type for a message: "an object", "a list", "null"...</summary>
    public static string Describe(JsonNode? node) => JsonKinds.Describe(node);

    /// <summary>Quotes a scalar value for a message, or describes a composite one.</summary>
    public static string DescribeValue(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => $"'{AsScalarText(node, "")}'",
        _ => Describe(node),
    };

    public static StepFailedException Invalid(string message) => new(ErrorCodes.InvalidConfig, message, retryable: false);
}
