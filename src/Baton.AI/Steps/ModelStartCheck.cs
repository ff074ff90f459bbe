using Baton.AI.Models;
using Baton.Definitions;
using Baton.Engine;

namespace Baton.AI.Steps;

/// <summary>
/// Before a run starts: every model its AI steps name (in the workflow and in the child workflows it calls) must have
/// what its provider needs, such as an API key. Otherwise the run would call tools, write files and spend money up to
/// the first model step, and fail there.
/// </summary>
/// <remarks>
/// A model is checked by making its client, as the step will: the provider decides what it needs (<c>openai</c> a key
/// unless its endpoint is a local one, <c>scripted</c> its script, <c>ollama</c> nothing). A <c>model:</c> written as a
/// template is known only when the step runs, and is checked then.
/// </remarks>
internal sealed class ModelStartCheck(AIRuntime runtime) : IRunStartCheck
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "llm", "classify", "agent" };

    public IEnumerable<string> Check(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        CheckDefinition(definition, child: false, seen, problems);
        return problems;
    }

    private void CheckDefinition(WorkflowDefinition definition, bool child, HashSet<string> seen, List<string> problems)
    {
        if (!seen.Add(definition.Hash))
        {
            return;
        }

        var steps = definition.Steps.Descendants().ToList();
        var byModel = steps
            .OfType<ActionStep>()
            .Where(s => Kinds.Contains(s.ActionKind))
            .Select(s => (Step: s, Model: s.Config.FixedText("model")?.Trim()))
            .Where(s => !string.IsNullOrEmpty(s.Model))
            .GroupBy(s => s.Model!, StringComparer.Ordinal);
        foreach (var group in byModel)
        {
            if (Problem(definition, group.Key, [.. group.Select(s => s.Step.Id)], child) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var step in steps)
        {
            IEnumerable<WorkflowDefinition> children = step switch
            {
                WorkflowCallStep call => [call.Child],
                ActionStep action => action.Workflows.Values,
                _ => [],
            };
            foreach (var workflow in children)
            {
                CheckDefinition(workflow, child: true, seen, problems);
            }
        }
    }

    private string? Problem(WorkflowDefinition definition, string model, IReadOnlyList<string> stepIds, bool child)
    {
        var who = (stepIds.Count == 1 ? $"Step '{stepIds[0]}'" : $"Steps {string.Join(", ", stepIds.Select(id => $"'{id}'"))}")
            + (child ? $" of the child workflow '{definition.Name}'" : "");
        ModelSettings settings;
        try
        {
            settings = runtime.CatalogFor(definition).Resolve(model);
        }
        catch (ModelConfigurationException ex)
        {
            return $"{who} cannot call the model '{model}': {ex.Message}";
        }

        try
        {
            runtime.ClientFor(settings);
            return null;
        }
        catch (ModelConfigurationException ex)
        {
            var what = settings.Alias is { } alias
                ? $"the model alias '{alias}' ({settings.Model}, provider '{settings.Model.Provider}')"
                : $"the model {settings.Model} (provider '{settings.Model.Provider}')";
            return $"{who} cannot call {what}: {ex.Message}";
        }
    }
}
