using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Compiles the child workflow a <c>workflow</c> step calls.</summary>
internal interface IChildCompiler
{
    /// <summary>Compiles the child at <paramref name="path"/> (relative to the calling file). Null when it cannot be compiled; the reasons are reported.</summary>
    WorkflowDefinition? CompileChild(string path, ScalarNode pathNode);
}
