using Baton.Definitions.Compiler.Yaml;
using NJsonSchema.Validation;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Keeps the schema errors of a configuration that stand whatever its templates render to. A string scalar that holds
/// <c>${{</c> is rendered before every attempt, so at compile time it matches any type, format, enum and pattern;
/// unknown keys, missing keys and the literal values around templates are still checked.
/// </summary>
internal static class TemplateErrors
{
    /// <summary>The errors to report, flattened like <see cref="SchemaValidation.Leaves"/>.</summary>
    public static IEnumerable<ValidationError> Standing(IEnumerable<ValidationError> errors, SyntaxNode root)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError choice && error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf)
            {
                if (!IsTemplate(Locate(root, error)) && !Satisfiable(choice, root))
                {
                    yield return error;
                }
            }
            else if (error is ChildSchemaValidationError nested && nested.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var leaf in Standing(nested.Errors.Values.SelectMany(e => e), root))
                {
                    yield return leaf;
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
    private static bool Satisfiable(ChildSchemaValidationError choice, SyntaxNode root)
    {
        var alternatives = choice.Errors.Values.ToList();
        var matching = alternatives.Count(a => !Standing(a, root).Any());
        return choice.Kind == ValidationErrorKind.NotAnyOf
            ? matching > 0
            : matching > 0 && alternatives.Count(a => a.Count == 0) <= 1;
    }

    private static bool Excused(ValidationError error, SyntaxNode root)
    {
        // A key that is not allowed is wrong whatever its value. (A missing key is located at the value that should hold
        // it, so it is excused only when that value is a template.)
        if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed)
        {
            return false;
        }

        var node = Locate(root, error);
        if (IsTemplate(node))
        {
            return true;
        }

        // These compare whole values, which a template inside may change.
        return error.Kind is ValidationErrorKind.ItemsNotUnique or ValidationErrorKind.ExcludedSchemaValidates or ValidationErrorKind.NotInEnumeration
            && HoldsTemplate(node);
    }

    private static SyntaxNode Locate(SyntaxNode root, ValidationError error) => YamlPath.Locate(root, error.Path ?? "#").Node;

    private static bool IsTemplate(SyntaxNode node) => node is ScalarNode { IsString: true } scalar && scalar.Value.Contains("${{", StringComparison.Ordinal);

    private static bool HoldsTemplate(SyntaxNode node) => node switch
    {
        MappingNode map => map.Entries.Any(e => HoldsTemplate(e.Value)),
        SequenceNode list => list.Items.Any(HoldsTemplate),
        _ => IsTemplate(node),
    };
}
