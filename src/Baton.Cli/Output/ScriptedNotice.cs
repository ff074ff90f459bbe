using Baton.AI.Models;
using Baton.Definitions;

namespace Baton.Cli.Output;

/// <summary>Says plainly, before a run starts, which of its model aliases replay a script instead of calling a model: printed as notes, and in <c>run --json</c>'s <c>notices</c>.</summary>
internal static class ScriptedNotice
{
    public static IEnumerable<string> For(WorkflowDefinition definition)
    {
        var catalog = new ModelCatalog(definition, definition.ModelOverrides);
        foreach (var alias in catalog.Aliases)
        {
            ModelSettings settings;
            try
            {
                settings = catalog.Resolve(alias);
            }
            catch (ModelConfigurationException)
            {
                continue;
            }

            if (settings.Model.Provider == "scripted")
            {
                yield return $"model '{alias}' is {settings.Model}: it replays {settings.ScriptPath ?? "a script"}, no model is called. Use --model {alias}=provider/model for a real one.";
            }
        }
    }
}
