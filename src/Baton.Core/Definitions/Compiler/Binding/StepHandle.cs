namespace Baton.Definitions.Compiler.Binding;

/// <summary>
/// Stands for a step while it is being bound: its templates are parsed before the step object exists,
/// and the validator later needs to know which step each template belongs to.
/// </summary>
internal sealed class StepHandle
{
    public StepDefinition? Step { get; set; }
}
