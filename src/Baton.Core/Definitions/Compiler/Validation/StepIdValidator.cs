using Baton.Definitions.Compiler.Binding;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Step ids are unique in a whole workflow, compensation steps included: <c>steps.ID</c> must name one step.</summary>
internal static class StepIdValidator
{
    /// <summary>Reports every repeated id at its later occurrence and returns each id's first step.</summary>
    public static Dictionary<string, StepDefinition> Check(IEnumerable<StepIdSite> sites, DiagnosticBag diagnostics)
    {
        var first = new Dictionary<string, StepIdSite>(StringComparer.Ordinal);
        foreach (var site in sites.OrderBy(s => s.Node.Location.Line).ThenBy(s => s.Node.Location.Column))
        {
            if (first.TryGetValue(site.Step.Id, out var earlier))
            {
                diagnostics.Error(
                    DiagnosticCodes.DuplicateStepId,
                    site.Node.Location,
                    $"The step id '{site.Step.Id}' is already used at {Positions.Earlier(earlier.Node.Location, site.Node.Location)}; step ids are unique in the whole workflow, compensation steps included.");
            }
            else
            {
                first[site.Step.Id] = site;
            }
        }

        return first.ToDictionary(p => p.Key, p => p.Value.Step, StringComparer.Ordinal);
    }
}
