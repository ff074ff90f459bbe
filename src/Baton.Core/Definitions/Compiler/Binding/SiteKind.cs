namespace Baton.Definitions.Compiler.Binding;

/// <summary>Where a template is evaluated, which decides the steps it may read.</summary>
internal enum SiteKind
{
    /// <summary>In a step's own fields, before or while it runs.</summary>
    Step = 0,

    /// <summary>In an <c>on-error: { continue: VALUE }</c>: after the step failed, so it may read itself.</summary>
    OnErrorContinue = 1,

    /// <summary>In the workflow's <c>outputs</c>: after every step.</summary>
    WorkflowOutputs = 2,
}
