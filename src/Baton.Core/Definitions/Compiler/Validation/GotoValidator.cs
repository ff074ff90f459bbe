using Baton.Definitions.Compiler.Binding;

namespace Baton.Definitions.Compiler.Validation;

/// <summary><c>goto</c> jumps within one sequence: the target must be a sibling of the step that jumps.</summary>
internal static class GotoValidator
{
    public static void Check(IEnumerable<GotoSite> gotos, IReadOnlyDictionary<string, StepDefinition> steps, DiagnosticBag diagnostics)
    {
        foreach (var site in gotos)
        {
            if (site.Source.Step is not { } source || source.Sequence.Find(site.Target) is not null)
            {
                continue;
            }

            if (steps.TryGetValue(site.Target, out var target))
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidGoto,
                    site.Node.Location,
                    $"'goto' jumps within one sequence, but '{site.Target}' is {StepPlaces.Describe(target)} (line {target.Location.Line}) "
                    + $"while '{source.Id}' is {StepPlaces.Describe(source)}.");
            }
            else
            {
                var siblings = source.Sequence.Steps.Select(s => s.Id);
                diagnostics.Error(
                    DiagnosticCodes.InvalidGoto,
                    site.Node.Location,
                    $"There is no step '{site.Target}' to go to.{Suggestions.Hint(site.Target, siblings)}");
            }
        }
    }
}
