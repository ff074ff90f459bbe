using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private const string ExpressionStart = "${{";

    private void CheckKeys(MappingNode map, ObjectSpec spec, IEnumerable<string>? alsoAllowed = null) => _checks.CheckKeys(map, spec, alsoAllowed);

    private void UnknownKey(MappingEntry entry, string owner, IEnumerable<string> known) => _checks.UnknownKey(entry, owner, known);

    private void WrongType(SyntaxNode node, string key, string expected) => _checks.WrongType(node, key, expected);

    private MappingNode? Mapping(SyntaxNode node, string key, string expected = "a mapping") => _checks.Mapping(node, key, expected);

    private SequenceNode? List(SyntaxNode node, string key, string expected = "a list")
    {
        if (node is SequenceNode list)
        {
            return list;
        }

        WrongType(node, key, expected);
        return null;
    }

    private string? Text(SyntaxNode node, string key)
    {
        if (node is ScalarNode { IsString: true } scalar)
        {
            return scalar.Value;
        }

        WrongType(node, key, "a string");
        return null;
    }

    /// <summary>A string that is shown as written (a display name, a description): a <c>${{</c> in it would never be evaluated.</summary>
    private string? FixedText(SyntaxNode node, string key)
    {
        var text = Text(node, key);
        if (text is not null && text.Contains(ExpressionStart, StringComparison.Ordinal))
        {
            _diagnostics.Error(DiagnosticCodes.ExpressionPlacement, node.Location, $"'{key}' is fixed text, shown as written; it cannot hold ${{{{ }}}} expressions.");
        }

        return text;
    }

    private ScalarNode? StringScalar(SyntaxNode node, string key, string expected = "a string") => _checks.StringScalar(node, key, expected);

    private long? Integer(SyntaxNode node, string key, long minimum, long maximum) => _checks.Integer(node, key, minimum, maximum);

    private TimeSpan? DurationValue(SyntaxNode node, string key, bool allowZero) => _checks.DurationValue(node, key, allowZero);

    private static bool HasExpression(ScalarNode scalar) => scalar.IsString && scalar.Value.Contains(ExpressionStart, StringComparison.Ordinal);

    /// <summary>Parses a string scalar as a template and records it for validation.</summary>
    private Template TemplateOf(ScalarNode node, StepHandle? step, SiteKind kind = SiteKind.Step)
    {
        var template = Template.Parse(node.Value);
        _templates.Add(new TemplateSite(template, node, step, kind, IsCondition: false));
        return template;
    }

    private Template? TemplateValue(SyntaxNode node, string key, StepHandle? step)
        => StringScalar(node, key) is { } scalar ? TemplateOf(scalar, step) : null;

    /// <summary>Parses <c>if</c> and <c>when</c>: a template when it holds <c>${{</c>, otherwise a bare expression.</summary>
    private Template? Condition(SyntaxNode node, string key, StepHandle step)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            WrongType(node, key, "an expression");
            return null;
        }

        var text = scalar.Kind switch
        {
            ScalarKind.String => scalar.Value,
            ScalarKind.Boolean => scalar.ToJson()!.ToJsonString(),
            _ => scalar.ToJson()?.ToJsonString() ?? scalar.Value,
        };
        var template = scalar.IsString && HasExpression(scalar) ? Template.Parse(text) : Template.ParseExpression(text);
        _templates.Add(new TemplateSite(template, scalar, step, SiteKind.Step, IsCondition: true));
        return template;
    }

    /// <summary>Builds a value whose strings are templates: configurations, set values, outputs.</summary>
    private ValueTemplate BuildValue(SyntaxNode node, StepHandle? step, SiteKind kind = SiteKind.Step) => node switch
    {
        MappingNode map => ValueTemplate.Object(
            map.Entries.Select(e => new KeyValuePair<string, ValueTemplate>(e.Name, BuildValue(e.Value, step, kind))).ToList(),
            map.Location),
        SequenceNode list => ValueTemplate.Array(list.Items.Select(i => BuildValue(i, step, kind)).ToList(), list.Location),
        ScalarNode { IsString: true } scalar => ValueTemplate.FromTemplate(TemplateOf(scalar, step, kind), scalar.Location),
        _ => ValueTemplate.Constant(node.ToJson(), node.Location),
    };
}
