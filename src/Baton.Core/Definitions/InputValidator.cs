using System.Text.Json.Nodes;

namespace Baton.Definitions;

// Placeholder until the compiler lands; replaced by the real validator.
public static class InputValidator
{
    public static IReadOnlyList<InputError> Validate(WorkflowDefinition definition, JsonObject inputs) => [];
}
