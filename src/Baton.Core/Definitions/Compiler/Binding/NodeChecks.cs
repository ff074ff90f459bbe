using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Checks the keys and the scalar values of one file's mappings against the language tables, reporting each problem where it is.</summary>
internal sealed class NodeChecks(DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>Reports keys the spec does not list (with a suggestion) and required keys that are missing.</summary>
    public void CheckKeys(MappingNode map, ObjectSpec spec, IEnumerable<string>? alsoAllowed = null)
    {
        var allowed = alsoAllowed?.ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var entry in map.Entries)
        {
            if (!spec.Contains(entry.Name) && !allowed.Contains(entry.Name))
            {
                UnknownKey(entry, spec.Name, spec.Keys.Select(k => k.Name).Concat(allowed));
            }
        }

        foreach (var required in spec.Required)
        {
            if (map.Find(required) is null)
            {
                diagnostics.Error(DiagnosticCodes.MissingKey, map.Location, $"{char.ToUpperInvariant(spec.Name[0])}{spec.Name[1..]} needs '{required}'.");
            }
        }
    }

    public void UnknownKey(MappingEntry entry, string owner, IEnumerable<string> known)
        => diagnostics.Error(DiagnosticCodes.UnknownKey, entry.Key.Location, $"'{entry.Name}' is not a key of {owner}.{Suggestions.Hint(entry.Name, known)}");

    public void WrongType(SyntaxNode node, string key, string expected)
        => diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"'{key}' must be {expected}, not {node.Describe()}.");

    public MappingNode? Mapping(SyntaxNode node, string key, string expected = "a mapping")
    {
        if (node is MappingNode map)
        {
            return map;
        }

        WrongType(node, key, expected);
        return null;
    }

    public ScalarNode? StringScalar(SyntaxNode node, string key, string expected = "a string")
    {
        if (node is ScalarNode { IsString: true } scalar)
        {
            return scalar;
        }

        WrongType(node, key, expected);
        return null;
    }

    public long? Integer(SyntaxNode node, string key, long minimum, long maximum)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer } scalar)
        {
            WrongType(node, key, "an integer");
            return null;
        }

        if (CoreSchema.ToInt64(scalar.Value) is not { } value)
        {
            OutOfRange(scalar, key, minimum, maximum);
            return null;
        }

        if (value < minimum || value > maximum)
        {
            OutOfRange(scalar, key, minimum, maximum == int.MaxValue || maximum == long.MaxValue ? null : maximum);
            return null;
        }

        return value;
    }

    public double? Number(SyntaxNode node, string key, double minimum, double? maximum)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } scalar)
        {
            WrongType(node, key, "a number");
            return null;
        }

        var value = CoreSchema.ToDouble(scalar.Value);
        if (!double.IsFinite(value))
        {
            diagnostics.Error(DiagnosticCodes.OutOfRange, scalar.Location, $"'{key}' must be a finite number, not {scalar.Value}.");
            return null;
        }

        if (value < minimum || value > maximum)
        {
            OutOfRange(scalar, key, minimum, maximum);
            return null;
        }

        return value;
    }

    public TimeSpan? DurationValue(SyntaxNode node, string key, bool allowZero)
    {
        if (node is not ScalarNode scalar || scalar.IsNull || scalar.Kind == ScalarKind.Boolean)
        {
            WrongType(node, key, "a duration such as 30s");
            return null;
        }

        if (!Duration.TryParse(scalar.Value, out var value))
        {
            var hint = scalar.Kind is ScalarKind.Integer or ScalarKind.Float ? $"; add a unit, such as {scalar.Value}s" : "; write a number and a unit (ms, s, m, h, d), such as 30s or 1h30m, up to 3650d";
            diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Location, $"'{scalar.Value}' is not a valid duration for '{key}'{hint}.");
            return null;
        }

        if (!allowZero && value <= TimeSpan.Zero)
        {
            diagnostics.Error(DiagnosticCodes.InvalidDuration, node.Location, $"'{key}' must be longer than zero.");
            return null;
        }

        return value;
    }

    private void OutOfRange<T>(ScalarNode scalar, string key, T minimum, T? maximum)
        where T : struct, IFormattable
    {
        var range = maximum is { } max
            ? $"from {minimum.ToString(null, System.Globalization.CultureInfo.InvariantCulture)} to {max.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}"
            : $"at least {minimum.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}";
        diagnostics.Error(DiagnosticCodes.OutOfRange, scalar.Location, $"'{key}' must be {range}, not {scalar.Value}.");
    }
}
