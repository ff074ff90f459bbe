using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler;

/// <summary>Rewrites the <c>script</c> of each model of a validated <c>models:</c> section, whose value is a file key.</summary>
internal static class ModelScripts
{
    /// <summary>A copy of <paramref name="models"/> in which every script key goes through <paramref name="rebase"/>.</summary>
    public static JsonObject? Rebase(JsonObject? models, Func<string, string> rebase)
    {
        if (models?.DeepClone() is not JsonObject copy)
        {
            return null;
        }

        foreach (var (_, model) in copy)
        {
            if (model is JsonObject settings && settings["script"] is JsonValue script && script.TryGetValue<string>(out var key))
            {
                settings["script"] = rebase(key);
            }
        }

        return copy;
    }
}
