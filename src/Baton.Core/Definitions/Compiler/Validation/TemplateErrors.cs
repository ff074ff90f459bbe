using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Keeps the schema errors of a configuration that stand whatever its templates render to. A string scalar that holds
/// <c>${{</c> is rendered before every attempt, so at compile time it matches any type, format, enum and pattern;
/// unknown keys, missing keys and the literal values around templates are still checked.
/// </summary>
internal static class TemplateErrors
{
    /// <summary>Keywords that compare whole values, which a template inside may change.</summary>
    private static readonly string[] WholeValueKeywords = ["uniqueItems", "not", "enum", "const", "contains"];

    public static IEnumerable<SchemaError> Standing(IEnumerable<SchemaError> errors, SyntaxNode root)
    {
        foreach (var error in errors)
        {
            if (error.Keyword is "anyOf" or "oneOf")
            {
                if (!IsTemplate(Locate(root, error)) && !Satisfiable(error, root))
                {
                    yield return error;
                }
            }
            else if (!Excused(error, root))
            {
                yield return error;
            }
        }
    }

    /// <summary>
    /// Whether some alternative matches once templates are excused. A <c>oneOf</c> that more than one alternative
    /// matches exactly is wrong whatever the templates give.
    /// </summary>
    private static bool Satisfiable(SchemaError choice, SyntaxNode root)
    {
        var matching = choice.Alternatives.Count(a => !Standing(a, root).Any());
        return choice.Keyword == "anyOf"
            ? matching > 0
            : matching > 0 && choice.Alternatives.Count(a => a.Count == 0) <= 1;
    }

    private static bool Excused(SchemaError error, SyntaxNode root)
    {
        // A key that is not allowed is wrong whatever its value. (A missing key is located at the value that should hold
        // it, so it is excused only when that value is a template.)
        if (error.IsUnknownMember || error.AboutName)
        {
            return false;
        }

        var node = Locate(root, error);
        return IsTemplate(node) || WholeValueKeywords.Contains(error.Keyword) && HoldsTemplate(node);
    }

    private static SyntaxNode Locate(SyntaxNode root, SchemaError error) => YamlPath.Locate(root, error.Path).Node;

    private static bool IsTemplate(SyntaxNode node) => node is ScalarNode { IsString: true } scalar && scalar.Value.Contains("${{", StringComparison.Ordinal);

    /// <summary>Whether the node is, or holds somewhere inside, a string with a template.</summary>
    public static bool HoldsTemplate(SyntaxNode node) => node switch
    {
        MappingNode map => map.Entries.Any(e => HoldsTemplate(e.Value)),
        SequenceNode list => list.Items.Any(HoldsTemplate),
        _ => IsTemplate(node),
    };
}
