using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Checks shared by the configurations of the built-in action kinds. Values with templates are checked when they run.</summary>
internal static class ConfigChecks
{
    public static bool HasExpression(SyntaxNode node) => node is ScalarNode { IsString: true } s && s.Value.Contains("${{", StringComparison.Ordinal);

    public static void WrongType(DiagnosticBag diagnostics, SyntaxNode node, string key, string expected)
        => diagnostics.Error(DiagnosticCodes.WrongType, node.Location, $"'{key}' must be {expected}, not {node.Describe()}.");

    /// <summary>A string scalar, or null after reporting the wrong type.</summary>
    public static ScalarNode? String(DiagnosticBag diagnostics, SyntaxNode? node, string key)
    {
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode { IsString: true } scalar)
        {
            return scalar;
        }

        WrongType(diagnostics, node, key, "a string");
        return null;
    }

    /// <summary>A mapping of names to scalars, such as headers or environment variables.</summary>
    public static void ScalarMap(DiagnosticBag diagnostics, SyntaxNode? node, string key, Action<MappingEntry> checkName)
    {
        if (node is null)
        {
            return;
        }

        if (node is not MappingNode map)
        {
            WrongType(diagnostics, node, key, "a mapping of names to values");
            return;
        }

        foreach (var entry in map.Entries)
        {
            checkName(entry);
            if (entry.Value is not ScalarNode { IsNull: false })
            {
                WrongType(diagnostics, entry.Value, $"{key}.{entry.Name}", "a string, a number or a boolean");
            }
        }
    }

    /// <summary>A positive integer, or a template that renders to one when the step runs.</summary>
    public static void PositiveIntegerOrTemplate(DiagnosticBag diagnostics, SyntaxNode? node, string key)
    {
        if (node is null || HasExpression(node))
        {
            return;
        }

        if (node is not ScalarNode { Kind: ScalarKind.Integer } scalar)
        {
            WrongType(diagnostics, node, key, "an integer");
            return;
        }

        if (CoreSchema.ToInt64(scalar.Value) is not > 0)
        {
            diagnostics.Error(DiagnosticCodes.OutOfRange, node.Location, $"'{key}' must be at least 1, not {scalar.Value}.");
        }
    }
}
