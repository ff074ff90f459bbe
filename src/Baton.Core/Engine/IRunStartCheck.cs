using Baton.Definitions;

namespace Baton.Engine;

/// <summary>
/// A check that the engine makes before it starts a run, next to its own checks of the inputs, the workflow's
/// <c>env</c> and its secrets: a package that serves step kinds contributes one for what its steps will need, so that a
/// run that cannot get far is refused before any step has had an effect.
/// </summary>
/// <remarks>
/// <para>Register implementations in the service collection (<c>services.TryAddEnumerable(ServiceDescriptor.Singleton&lt;IRunStartCheck, T&gt;())</c>),
/// or pass them to the <see cref="BatonEngine"/> constructor. The AI package registers one that checks model credentials.</para>
/// <para>Checks run for each run that <see cref="BatonEngine.StartAsync"/>, <see cref="BatonEngine.RunAsync"/> and
/// <see cref="BatonEngine.CheckCanStart"/> are given, not for the child runs it starts later: a check looks through the
/// definition's child workflows itself. A check must be quick, must not change anything, and must be thread-safe.</para>
/// </remarks>
public interface IRunStartCheck
{
    /// <summary>The problems that keep a run of <paramref name="definition"/> from starting, each a full sentence that says how to fix it; empty when there are none.</summary>
    /// <param name="definition">The definition to be run, with its model overrides and child workflows.</param>
    IEnumerable<string> Check(WorkflowDefinition definition);
}
