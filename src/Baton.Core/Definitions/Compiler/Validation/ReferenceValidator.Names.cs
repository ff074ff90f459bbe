using Baton.Definitions.Compiler.Binding;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Validation;

internal sealed partial class ReferenceValidator
{
    private void CheckInput(string? name, SourceLocation location)
    {
        if (name is null || _workflow.InputNames is not { } declared || declared.Contains(name))
        {
            return;
        }

        _diagnostics.Error(
            DiagnosticCodes.UndeclaredInput,
            location,
            $"The inputs schema declares no input '{name}'.{Suggestions.Hint(name, declared)} Declare it under 'properties', or set 'additionalProperties: true' to accept undeclared inputs.");
    }

    private void CheckDeclared(string? name, HashSet<string> declared, string root, string what, string code, SourceLocation location)
    {
        if (name is null)
        {
            _diagnostics.Error(code, location, $"Read one {what} at a time, as {root}.NAME; '{root}' on its own is not allowed.");
        }
        else if (!declared.Contains(name))
        {
            _diagnostics.Error(
                code,
                location,
                $"The {what} '{name}' is not declared; add it to '{root}' at the top of the workflow.{Suggestions.Hint(name, declared)}");
        }
    }

    private void CheckItem(TemplateSite site, string root, SourceLocation location)
    {
        if (site.Kind != SiteKind.WorkflowOutputs && site.Step?.Step is { } step && StepPlaces.InForEachBody(step))
        {
            return;
        }

        _diagnostics.Error(
            DiagnosticCodes.ItemOutsideForEach,
            location,
            $"'{root}' exists only inside the steps of a foreach, where it names the current {(root == "item" ? "item" : "item's position")}.");
    }

    private void CheckStep(TemplateSite site, ExpressionReference reference, SourceLocation location)
    {
        if (reference.Members.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.UnknownStep, location, "Name the step to read, as steps.ID.output; 'steps' on its own or with a computed index cannot be checked.");
            return;
        }

        var id = reference.Members[0];
        if (!_steps.TryGetValue(id, out var target))
        {
            _diagnostics.Error(DiagnosticCodes.UnknownStep, location, $"There is no step '{id}'.{StepHint(id)}");
            return;
        }

        if (!IsVisible(site, target, out var reason))
        {
            _diagnostics.Error(DiagnosticCodes.StepNotFinished, location, $"'steps.{id}' is not certain to have finished here: {reason}.");
        }

        if (reference.Members.Count > 1 && !StepFields.Contains(reference.Members[1]))
        {
            var field = reference.Members[1];
            _diagnostics.Error(
                DiagnosticCodes.UnknownStepField,
                location,
                $"'steps.{id}.{field}' does not exist; a step has {string.Join(", ", StepFields)}.{Suggestions.Hint(field, StepFields)} Read a value of its output as steps.{id}.output.{field}.");
        }
    }

    private bool IsVisible(TemplateSite site, StepDefinition target, out string reason)
    {
        reason = string.Empty;
        if (site.Kind == SiteKind.WorkflowOutputs)
        {
            if (StepPlaces.EnclosingForEach(target) is { } forEach)
            {
                reason = $"it is inside foreach step '{forEach.Id}', whose body runs once per item; read steps.{forEach.Id}.output instead";
                return false;
            }

            return true;
        }

        if (site.Step?.Step is not { } from || StepVisibility.IsVisible(from, target, includeSelf: site.Kind == SiteKind.OnErrorContinue))
        {
            return true;
        }

        reason = $"{VisibilityExplainer.Explain(from, target)} (step '{target.Id}' is at line {target.Location.Line})";
        return false;
    }

    /// <summary>A "did you mean", or the subtraction hint when the name is a step id followed by '-' and more.</summary>
    private string StepHint(string id)
    {
        foreach (var prefix in HyphenPrefixes(id))
        {
            if (_steps.ContainsKey(prefix))
            {
                return $" Names may contain '-', so for subtraction write 'steps.{prefix} - {id[(prefix.Length + 1)..]}' with spaces.";
            }
        }

        return Suggestions.Hint(id, _steps.Keys);
    }

    private static string UnknownRootMessage(string root)
    {
        foreach (var prefix in HyphenPrefixes(root))
        {
            if (Roots.Contains(prefix))
            {
                return $"'{root}' is not a name expressions know. Names may contain '-', so for subtraction write '{prefix} - {root[(prefix.Length + 1)..]}' with spaces.";
            }
        }

        return $"'{root}' is not a name expressions know; use one of {string.Join(", ", Roots)}.{Suggestions.Hint(root, Roots)}";
    }

    private static IEnumerable<string> HyphenPrefixes(string name)
    {
        for (var i = name.IndexOf('-', StringComparison.Ordinal); i > 0; i = name.IndexOf('-', i + 1))
        {
            yield return name[..i];
        }
    }
}
