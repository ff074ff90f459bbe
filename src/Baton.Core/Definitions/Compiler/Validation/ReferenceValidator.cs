using Baton.Definitions.Compiler.Binding;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks every template: its syntax (including unknown functions and argument counts, which the parser reports),
/// and every name it reads against what the workflow declares and what is certain to have run.
/// </summary>
internal sealed partial class ReferenceValidator
{
    private static readonly string[] Roots = ["inputs", "vars", "steps", "env", "secrets", "item", "index", "run"];
    private static readonly string[] StepFields = ["output", "status", "error", "attempts"];
    private static readonly string[] RunFields = ["id", "workflow", "startedAt"];

    private readonly BoundWorkflow _workflow;
    private readonly IReadOnlyDictionary<string, StepDefinition> _steps;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _env;
    private readonly HashSet<string> _secrets;

    public ReferenceValidator(BoundWorkflow workflow, IReadOnlyDictionary<string, StepDefinition> steps, DiagnosticBag diagnostics)
    {
        _workflow = workflow;
        _steps = steps;
        _diagnostics = diagnostics;
        _env = workflow.Env.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        _secrets = workflow.Secrets.ToHashSet(StringComparer.Ordinal);
    }

    public void Check()
    {
        foreach (var site in _workflow.Templates)
        {
            var template = site.Template;
            foreach (var error in template.Errors)
            {
                var message = error.Message.TrimEnd();
                _diagnostics.Error(DiagnosticCodes.ExpressionSyntax, site.Node.LocationOf(error.Offset), message.EndsWith('.') ? message : message + ".");
            }

            if (template.Errors.Count > 0)
            {
                continue;
            }

            if (site.IsCondition && !template.IsSingleExpression && !template.IsLiteral)
            {
                _diagnostics.Warning(
                    DiagnosticCodes.TextCondition,
                    site.Node.Location,
                    "This condition mixes text with ${{ }} parts, so it renders to text, which is always true. Write one expression, such as ${{ a && b }}.");
            }

            foreach (var reference in template.References)
            {
                CheckReference(site, reference);
            }
        }
    }

    private void CheckReference(TemplateSite site, ExpressionReference reference)
    {
        var location = site.Node.LocationOf(reference.Offset);
        var first = reference.Members.Count > 0 ? reference.Members[0] : null;
        switch (reference.Root)
        {
            case "inputs":
                CheckInput(first, location);
                break;
            case "vars":
                break;
            case "steps":
                CheckStep(site, reference, location);
                break;
            case "env":
                CheckDeclared(first, _env, "env", "environment variable", DiagnosticCodes.UndeclaredEnv, location);
                break;
            case "secrets":
                CheckDeclared(first, _secrets, "secrets", "secret", DiagnosticCodes.UndeclaredSecret, location);
                break;
            case "item" or "index":
                CheckItem(site, reference.Root, location);
                break;
            case "run":
                if (first is not null && !RunFields.Contains(first))
                {
                    _diagnostics.Error(
                        DiagnosticCodes.UnknownRunField,
                        location,
                        $"'run.{first}' does not exist; a run has {string.Join(", ", RunFields)}.{Suggestions.Hint(first, RunFields)}");
                }

                break;
            default:
                _diagnostics.Error(DiagnosticCodes.UnknownName, location, UnknownRootMessage(reference.Root));
                break;
        }
    }
}
